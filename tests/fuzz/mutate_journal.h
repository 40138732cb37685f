// A structure-aware mutator for fuzz_journal: most random byte changes only break a record's
// CRC, so it also works on whole records and fixes the checksums afterwards, which lets the
// fuzzer reach the diff decoder and the replay with torn, reordered, repeated and forged records.
// Included by fuzz_main.cpp only (it needs libFuzzer's LLVMFuzzerMutate).
#pragma once
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "core/session/journal.h"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t maxSize);

namespace jb::fuzz::journal {

struct Parsed {
  std::string header;
  std::vector<std::string> records;  // whole records, CRC included
  std::string tail;                  // bytes after the last record that parses
};

inline uint32_t GetU32At(const std::string& s, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | uint8_t(s[at + size_t(i)]);
  return v;
}
inline void PutU32At(std::string& s, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + size_t(i)] = char((v >> (8 * i)) & 0xff);
}
inline void PutU64At(std::string& s, size_t at, uint64_t v) {
  for (int i = 0; i < 8; ++i) s[at + size_t(i)] = char((v >> (8 * i)) & 0xff);
}

inline Parsed Split(const std::string& bytes) {
  Parsed p;
  p.header = bytes.substr(0, kJournalHeaderBytes);
  size_t at = p.header.size();
  while (bytes.size() - at >= kJournalRecordOverhead) {
    const size_t length = GetU32At(bytes, at + 10);
    if (length > bytes.size() - at - kJournalRecordOverhead) break;
    p.records.push_back(bytes.substr(at, kJournalRecordOverhead + length));
    at += kJournalRecordOverhead + length;
  }
  p.tail = bytes.substr(at);
  return p;
}

// Rewrites a record's length, sequence (when `sequence` != 0) and CRC to match its payload.
inline void Seal(std::string& record, uint64_t sequence) {
  if (record.size() < kJournalRecordOverhead) return;
  PutU32At(record, 10, uint32_t(record.size() - kJournalRecordOverhead));
  if (sequence) PutU64At(record, 2, sequence);
  const size_t body = record.size() - 4;
  PutU32At(record, body, Crc32(record.data(), body));
}

inline size_t Mutate(uint8_t* data, size_t size, size_t maxSize, unsigned seed) {
  std::minstd_rand random(seed);
  auto pick = [&](size_t n) { return n ? size_t(random() % n) : 0; };
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  Parsed p = Split(bytes);
  const int op = int(pick(9));
  if (op == 0 || p.header.size() < kJournalHeaderBytes || (p.records.empty() && op != 7))
    return LLVMFuzzerMutate(data, size, maxSize);  // bytes flipped, inserted, cut anywhere

  bool renumber = pick(2) == 0;
  switch (op) {
    case 1: {  // a payload changed but checksummed: a forged or foreign record
      std::string& record = p.records[pick(p.records.size())];
      std::string payload = record.substr(14, record.size() - kJournalRecordOverhead);
      const size_t room = std::max<size_t>(payload.size() * 2 + 16, 64);
      payload.resize(room);
      payload.resize(LLVMFuzzerMutate(reinterpret_cast<uint8_t*>(payload.data()),
                                      record.size() - kJournalRecordOverhead, room));
      record = record.substr(0, 14) + payload + std::string(4, '\0');
      Seal(record, 0);
      break;
    }
    case 2: p.records.erase(p.records.begin() + long(pick(p.records.size()))); break;  // one lost
    case 3: std::swap(p.records[pick(p.records.size())], p.records[pick(p.records.size())]); break;
    case 4: p.records.insert(p.records.begin() + long(pick(p.records.size() + 1)), p.records[pick(p.records.size())]); break;
    case 5: {  // Apply ↔ Revert, or an unknown kind
      std::string& record = p.records[pick(p.records.size())];
      record[1] = char(pick(4) == 0 ? random() : (record[1] == 1 ? 2 : 1));
      Seal(record, 0);
      renumber = false;
      break;
    }
    case 6: {  // torn: the file ends inside a record
      std::string all = p.header;
      for (const std::string& record : p.records) all += record;
      all.resize(pick(all.size() + 1));
      std::memcpy(data, all.data(), all.size());
      return all.size();
    }
    case 7: {  // a header byte changed, its CRC fixed or not (another snapshot, another version)
      p.header[pick(20)] = char(random());
      if (pick(2)) PutU32At(p.header, 20, Crc32(p.header.data(), 20));
      renumber = false;
      break;
    }
    default: {  // one byte of a record flipped, and resealed half of the time
      std::string& record = p.records[pick(p.records.size())];
      record[pick(record.size())] ^= char(1u << pick(8));
      if (pick(2)) Seal(record, 0);
      renumber = false;
      break;
    }
  }
  if (renumber)
    for (size_t i = 0; i < p.records.size(); ++i) Seal(p.records[i], i + 1);
  std::string out = p.header;
  for (const std::string& record : p.records) out += record;
  out += p.tail;
  if (out.size() > maxSize) out.resize(maxSize);
  std::memcpy(data, out.data(), out.size());
  return out.size();
}

}  // namespace jb::fuzz::journal
