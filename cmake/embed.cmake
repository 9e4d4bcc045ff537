# Writes OUT as a C++ file holding the bytes of IN as a std::string_view SYMBOL().
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," body "${hex}")
file(WRITE "${OUT}"
  "#include <string_view>\nnamespace gk::embedded {\nstatic const char k_data[] = {${body} 0};\n"
  "std::string_view ${SYMBOL}() { return {k_data, sizeof(k_data) - 1}; }\n}\n")
