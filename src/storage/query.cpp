#include "storage/query.hpp"

#include <soci/soci.h>

#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "storage/faults.hpp"

namespace tdkt::storage {
namespace {

std::optional<std::string> cell_text(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return std::nullopt;
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_string: return row.get<std::string>(column);
    case soci::dt_integer: return std::to_string(row.get<int>(column));
    case soci::dt_long_long: return std::to_string(row.get<long long>(column));
    case soci::dt_unsigned_long_long: return std::to_string(row.get<unsigned long long>(column));
    case soci::dt_double: {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%.17g", row.get<double>(column));
      return std::string(buffer);
    }
    case soci::dt_date: {
      const auto tm = row.get<std::tm>(column);
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
      return std::string(buffer);
    }
    default: throw std::runtime_error("unsupported column type in " + row.get_properties(column).get_name());
  }
}

}  // namespace

std::int64_t Row::integer(std::size_t column) const {
  const auto& cell = cells_.at(column);
  if (!cell) throw std::runtime_error("NULL where an integer was expected");
  return std::stoll(*cell);
}

std::optional<std::int64_t> Row::optional_integer(std::size_t column) const {
  if (!cells_.at(column)) return std::nullopt;
  return integer(column);
}

CivilDate Row::date(std::size_t column) const {
  auto parsed = CivilDate::parse_iso(text(column).substr(0, 10));
  if (!parsed) throw std::runtime_error("stored date is malformed: " + text(column));
  return *parsed;
}

std::optional<CivilDate> Row::optional_date(std::size_t column) const {
  if (!cells_.at(column)) return std::nullopt;
  return date(column);
}

Query& Query::bind(const std::string& name, std::int64_t value) {
  params_.push_back({name, {}, value, true, soci::i_ok});
  return *this;
}

Query& Query::bind(const std::string& name, std::optional<std::int64_t> value) {
  params_.push_back({name, {}, value.value_or(0), true, value ? soci::i_ok : soci::i_null});
  return *this;
}

Query& Query::bind(const std::string& name, std::string value) {
  params_.push_back({name, std::move(value), 0, false, soci::i_ok});
  return *this;
}

Query& Query::bind(const std::string& name, std::optional<std::string> value) {
  const bool present = value.has_value();
  params_.push_back({name, std::move(value).value_or(std::string()), 0, false, present ? soci::i_ok : soci::i_null});
  return *this;
}

Query& Query::bind(const std::string& name, std::optional<CivilDate> value) {
  return bind(name, value ? std::optional<std::string>(value->iso()) : std::nullopt);
}

std::vector<Row> Query::run(bool want_rows) {
  try {
    return run_unguarded(want_rows);
  } catch (const soci::soci_error&) {
    rethrow_store_failure(session_);
  }
}

std::vector<Row> Query::run_unguarded(bool want_rows) {
  std::vector<soci::indicator> indicators;
  indicators.reserve(params_.size());
  for (const auto& param : params_)
    indicators.push_back(static_cast<soci::indicator>(param.indicator));
  std::deque<long long> integers;
  soci::row row;
  soci::details::prepare_temp_type prepared = (session_.prepare << sql_);
  for (std::size_t i = 0; i < params_.size(); ++i) {
    auto& param = params_[i];
    if (param.is_integer) {
      integers.push_back(param.integer);
      prepared, soci::use(integers.back(), indicators[i], param.name);
    } else {
      prepared, soci::use(param.text, indicators[i], param.name);
    }
  }
  std::vector<Row> result;
  if (!want_rows) {
    soci::statement statement(prepared);
    statement.execute(true);
    return result;
  }
  prepared, soci::into(row);
  soci::statement statement(prepared);
  statement.execute();
  while (statement.fetch()) {
    std::vector<std::optional<std::string>> cells;
    cells.reserve(row.size());
    for (std::size_t column = 0; column < row.size(); ++column)
      cells.push_back(cell_text(row, column));
    result.emplace_back(std::move(cells));
  }
  return result;
}

std::vector<Row> Query::rows() {
  return run(true);
}

std::optional<Row> Query::first() {
  auto all = run(true);
  if (all.empty()) return std::nullopt;
  return std::move(all.front());
}

void Query::execute() {
  run(false);
}

std::int64_t Query::insert_returning_id() {
  auto row = first();
  if (!row) throw std::runtime_error("INSERT ... RETURNING gave no row");
  return row->integer(0);
}

}  // namespace tdkt::storage
