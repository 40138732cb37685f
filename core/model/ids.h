// Strong ids: a NoteId cannot be passed where a StageId is meant. 0 means "none".
#pragma once
#include <cstdint>
#include <functional>

namespace jb {

template <class Tag>
struct Id {
  uint64_t value = 0;

  constexpr Id() = default;
  constexpr explicit Id(uint64_t v) : value(v) {}
  constexpr bool IsValid() const { return value != 0; }
  constexpr explicit operator bool() const { return IsValid(); }
  friend constexpr bool operator==(Id a, Id b) { return a.value == b.value; }
  friend constexpr bool operator!=(Id a, Id b) { return a.value != b.value; }
  friend constexpr bool operator<(Id a, Id b) { return a.value < b.value; }
};

using StageId = Id<struct StageTag>;
using LaneId = Id<struct LaneTag>;
using NoteId = Id<struct NoteTag>;
using CurveId = Id<struct CurveTag>;
using PersonaId = Id<struct PersonaTag>;
using StrokeId = Id<struct StrokeTag>;
using ArrowId = Id<struct ArrowTag>;
using FrameId = Id<struct FrameTag>;
using LabelId = Id<struct LabelTag>;

}  // namespace jb

template <class Tag>
struct std::hash<jb::Id<Tag>> {
  size_t operator()(jb::Id<Tag> id) const noexcept { return std::hash<uint64_t>{}(id.value); }
};
