# The store tests and the HTTP/CLI tests again with PostgreSQL: a throwaway
# PostgreSQL 15 cluster (scripts/pg-test-cluster.sh: temp dir, free
# 127.0.0.1 port, user postgres when run as root) is started by the fixture
# test pg_cluster_start and removed by pg_cluster_stop. Each test gets its own
# database (tests/support/db.h). When the cluster cannot start, the setup
# test fails saying why and the PostgreSQL tests do not pass: PostgreSQL is
# never skipped silently.
set(GK_PG_STATE ${CMAKE_BINARY_DIR}/pg-test)
add_test(NAME pg_cluster_start
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/pg-test-cluster.sh start ${GK_PG_STATE})
add_test(NAME pg_cluster_stop
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/pg-test-cluster.sh stop ${GK_PG_STATE})
set_tests_properties(pg_cluster_start PROPERTIES FIXTURES_SETUP pg_cluster TIMEOUT 120)
set_tests_properties(pg_cluster_stop PROPERTIES FIXTURES_CLEANUP pg_cluster)

# gk_pg_test(NAME COMMAND...): COMMAND run with the PostgreSQL backend.
function(gk_pg_test name)
  add_test(NAME ${name} COMMAND ${ARGN})
  set_tests_properties(${name} PROPERTIES
    FIXTURES_REQUIRED pg_cluster
    ENVIRONMENT "GK_TEST_BACKEND=postgres;GK_TEST_PG_URL_FILE=${GK_PG_STATE}/url")
endfunction()

gk_pg_test(store_test_pg $<TARGET_FILE:store_test>)
gk_pg_test(cli_test_pg $<TARGET_FILE:cli_test>)
# The same corpus searched on both stores gives the same results.
gk_pg_test(search_backends_test $<TARGET_FILE:search_backends_test>)
# Two servers on one database.
gk_pg_test(scale_out_test $<TARGET_FILE:scale_out_test>)
