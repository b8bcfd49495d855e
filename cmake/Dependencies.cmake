# Every dependency comes from a Debian bookworm package (scripts/install-deps.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(CLI11 REQUIRED)
# The HTTP server: Boost.Beast and Asio, header-only (docs/adr/0010).
find_package(Boost 1.74 REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# Spreadsheets and documents. Not find_package(libzip): its config needs zipcmp, a separate package.
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
# Uploaded spreadsheets are read as XML streams (ADR 0012).
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)
find_package(pugixml REQUIRED)

# SOCI ships neither a CMake config nor a .pc file on bookworm.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIB soci_core REQUIRED)
find_library(SOCI_SQLITE3_LIB soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL_LIB soci_postgresql REQUIRED)
add_library(soci INTERFACE)
target_include_directories(soci SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} ${PostgreSQL_INCLUDE_DIRS})
target_link_libraries(soci INTERFACE ${SOCI_CORE_LIB} ${SOCI_SQLITE3_LIB} ${SOCI_POSTGRESQL_LIB}
                                     SQLite::SQLite3 PostgreSQL::PostgreSQL ${CMAKE_DL_LIBS})

if(TDKT_BUILD_TESTS)
  find_package(GTest REQUIRED)
  # cpp-httplib's client only, in the HTTP tests.
  pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
endif()
if(TDKT_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
