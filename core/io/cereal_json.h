// cereal's JSON archives, included only through this header (scripts/cmake/check_layer_includes.cmake
// fails the build otherwise).
// cereal reads JSON through RapidJSON's IStreamWrapper, which in RapidJSON 1.1 takes every character
// with std::istream::peek and get, each building a sentry: 40 % of loading a board went there. The
// specialization below, declared before cereal's archive makes its reader, takes the characters
// from the stream's buffer. Every file that includes the archive must see it, or the program would
// hold two definitions of cereal::JSONInputArchive: hence the one header.
#pragma once
#include <cstddef>
#include <cstdio>
#include <istream>
#include <streambuf>

namespace rapidjson {

template <typename StreamType>
class BasicIStreamWrapper;

// RapidJSON's input stream concept over a std::istream's buffer (no sentry, no virtual call while
// the buffer holds characters). The stream's own state is not kept: cereal reads it once, whole.
template <>
class BasicIStreamWrapper<std::istream> {
 public:
  typedef char Ch;
  explicit BasicIStreamWrapper(std::istream& stream) : m_buffer(stream.rdbuf()) {}
  BasicIStreamWrapper(const BasicIStreamWrapper&) = delete;
  BasicIStreamWrapper& operator=(const BasicIStreamWrapper&) = delete;

  Ch Peek() const {
    const int c = m_buffer ? m_buffer->sgetc() : EOF;
    return c == EOF ? '\0' : static_cast<Ch>(c);
  }
  Ch Take() {
    const int c = m_buffer ? m_buffer->sbumpc() : EOF;
    if (c == EOF) return '\0';
    ++m_count;
    return static_cast<Ch>(c);
  }
  size_t Tell() const { return m_count; }

  // Writing is for in-situ parsing, which a stream cannot do; the reader names these, never calls them.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }

 private:
  std::streambuf* m_buffer;
  size_t m_count = 0;
};

}  // namespace rapidjson

#include <cereal/archives/json.hpp>
