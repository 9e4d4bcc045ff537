# gk_module(NAME SOURCES ... DEPS ... TESTS ...)
# Builds one static library gk_<NAME> and, when tests are on, one test binary
# <NAME>_test from the listed *_test.cpp files (one test binary per module).
function(gk_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS;TESTS;TEST_DEPS" ${ARGN})
  add_library(gk_${name} STATIC ${M_SOURCES})
  target_include_directories(gk_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(gk_${name} PUBLIC ${M_DEPS})
  if(GK_TESTS AND M_TESTS AND NOT GK_FUZZ)
    add_executable(${name}_test ${M_TESTS})
    target_link_libraries(${name}_test PRIVATE gk_${name} ${M_TEST_DEPS} GTest::gtest_main GTest::gmock)
    target_compile_definitions(${name}_test PRIVATE
      GK_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    add_test(NAME ${name}_test COMMAND ${name}_test)
  endif()
endfunction()

# gk_embed(OUT_CPP SYMBOL FILE): compiles FILE into a const char[] named SYMBOL
# (with a std::string_view accessor), so the binary is self-contained.
function(gk_embed out_var symbol file)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embed_${symbol}.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
    DEPENDS ${file} ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
    VERBATIM)
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
