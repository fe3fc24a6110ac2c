// kikv command-line program (placeholder until the CLI lands).
#include <cstdio>
int main() {
  std::puts("kikv");
  return 0;
}
