#include "sparql/exec/plan.hpp"

namespace kikv::sparql::exec {

std::string schema_names(const Schema& schema, const VarTable& vars) {
  std::string out;
  for (VarId v : schema) {
    if (!out.empty()) out += ' ';
    out += '?';
    out += vars.name(v);
  }
  return out.empty() ? std::string("()") : out;
}

namespace {
void explain(const PhysicalOp& op, const VarTable& vars, int depth, std::string& out) {
  out.append(static_cast<size_t>(depth) * 2, ' ');
  out += op.describe(vars);
  out += '\n';
  for (const PhysicalOp* c : op.children()) explain(*c, vars, depth + 1, out);
}
}  // namespace

std::string explain_tree(const PhysicalOp& op, const VarTable& vars) {
  std::string out;
  explain(op, vars, 0, out);
  return out;
}

}  // namespace kikv::sparql::exec
