# Emits a translation unit of 400 functions, each with a bug, a correct
# loop and a call chain, for the generated-file robustness test.
print("#include <map>\n#include <vector>")
for i in range(400):
    print(f"""
static void helper{i}(std::map<int, int> &m, int k) {{ if (k > {i}) m.erase(k); }}
void f{i}(std::map<int, int> &m, std::vector<int> &v) {{
  for (auto &kv : m)
    if (kv.second == {i})
      m.erase(kv.first);
  for (auto it = m.begin(); it != m.end();)
    if (it->second < 0) it = m.erase(it); else ++it;
  for (int x : v) helper{i}(m, x);
}}""")
