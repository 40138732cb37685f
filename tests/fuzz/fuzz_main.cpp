// The one libFuzzer entry point, built once per target (tests/CMakeLists.txt): JB_FUZZ_TARGET names
// the target, whose check_<target>.h says what every input must satisfy. An input that fails a
// check aborts, so libFuzzer keeps it as a crash (scripts/fuzz.sh copies it to regressions/).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include JB_FUZZ_CHECK_HEADER
#ifdef JB_FUZZ_MUTATOR_HEADER
#include JB_FUZZ_MUTATOR_HEADER
#endif

#define JB_STRINGIFY2(x) #x
#define JB_STRINGIFY(x) JB_STRINGIFY2(x)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const std::string problem = jb::fuzz::JB_FUZZ_TARGET::Check(bytes, nullptr);
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz_%s: %s\n", JB_STRINGIFY(JB_FUZZ_TARGET), problem.c_str());
    std::abort();  // libFuzzer saves the input as a crash
  }
  return 0;
}

#ifdef JB_FUZZ_MUTATOR_HEADER
extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t maxSize, unsigned int seed) {
  return jb::fuzz::JB_FUZZ_TARGET::Mutate(data, size, maxSize, seed);
}
#endif
