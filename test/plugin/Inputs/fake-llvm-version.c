/* Preloaded into clang-tidy, this makes the process report another LLVM
   major than the one it carries, as a clang-tidy of that major would. */
void LLVMGetVersion(unsigned *Major, unsigned *Minor, unsigned *Patch) {
  *Major = FAKE_MAJOR;
  *Minor = 0;
  *Patch = 0;
}
