// Movements. Purposes, requirements, content items, solutions and a wave's occasions are stored as
// JSON text: they are read and written whole with their movement, never queried. Waves,
// assignments and implemented documents are rows, so that units and documents keep their
// foreign keys.

#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "storage/query.hpp"
#include "storage/repositories.hpp"

namespace tdkt::storage {
namespace {

using Json = nlohmann::json;

constexpr const char* kMovementColumns =
    "SELECT id, name, theme, authority, level, kind, starts_on, ends_on, parent_id, unit_id, purposes_json, "
    "requirements_json, content_items_json, solutions_json, plan_document_id FROM movement ";

std::vector<std::string> to_lines(const std::string& text) {
  std::vector<std::string> lines;
  for (const auto& item : Json::parse(text))
    lines.push_back(item.get<std::string>());
  return lines;
}

std::string occasions_json(const std::vector<domain::Occasion>& occasions) {
  Json out = Json::array();
  for (const auto& occasion : occasions) {
    Json item = {{"name", occasion.name}};
    if (occasion.on) item["on"] = occasion.on->iso();
    out.push_back(std::move(item));
  }
  return out.dump();
}

std::vector<domain::Occasion> to_occasions(const std::string& text) {
  std::vector<domain::Occasion> occasions;
  for (const auto& item : Json::parse(text)) {
    domain::Occasion occasion{item.at("name").get<std::string>(), std::nullopt};
    if (item.contains("on")) occasion.on = CivilDate::parse_iso(item.at("on").get<std::string>());
    occasions.push_back(std::move(occasion));
  }
  return occasions;
}

std::string content_items_json(const std::vector<domain::ContentItem>& items) {
  Json out = Json::array();
  for (const auto& item : items)
    out.push_back({{"title", item.title}, {"text", item.text}});
  return out.dump();
}

domain::Movement to_movement(const Row& row) {
  domain::Movement movement;
  movement.id = MovementId{row.integer(0)};
  movement.name = row.text(1);
  movement.theme = row.text(2);
  movement.authority = row.text(3);
  auto level = domain::movement_level_from_string(row.text(4));
  auto kind = domain::movement_kind_from_string(row.text(5));
  if (!level || !kind) throw std::runtime_error("unknown movement level or kind in the database");
  movement.level = *level;
  movement.kind = *kind;
  movement.starts_on = row.date(6);
  movement.ends_on = row.date(7);
  if (auto parent = row.optional_integer(8)) movement.parent = MovementId{*parent};
  if (auto unit = row.optional_integer(9)) movement.unit = UnitId{*unit};
  movement.purposes = to_lines(row.text(10));
  movement.requirements = to_lines(row.text(11));
  for (const auto& item : Json::parse(row.text(12)))
    movement.content_items.push_back({item.at("title").get<std::string>(), item.at("text").get<std::string>()});
  movement.solutions = to_lines(row.text(13));
  if (auto plan = row.optional_integer(14)) movement.plan_document = DocumentId{*plan};
  return movement;
}

std::optional<std::int64_t> optional_id(const auto& id) {
  return id ? std::optional<std::int64_t>(id->value) : std::nullopt;
}

}  // namespace

std::vector<domain::Movement> SqlMovementRepository::load(std::vector<domain::Movement> movements) {
  for (auto& movement : movements) {
    for (const auto& row :
         Query(session_,
               "SELECT name, starts_on, ends_on, occasions_json FROM movement_wave WHERE movement_id = "
               ":m ORDER BY position")
             .bind("m", movement.id.value)
             .rows()) {
      movement.waves.push_back({row.text(0), row.date(1), row.date(2), to_occasions(row.text(3))});
    }
    for (const auto& row :
         Query(session_, "SELECT unit_id, task FROM movement_assignment WHERE movement_id = :m ORDER BY position")
             .bind("m", movement.id.value)
             .rows()) {
      movement.assignments.push_back({UnitId{row.integer(0)}, row.text(1)});
    }
    for (const auto& row :
         Query(session_, "SELECT document_id FROM movement_document WHERE movement_id = :m ORDER BY position")
             .bind("m", movement.id.value)
             .rows()) {
      movement.implements.emplace_back(row.integer(0));
    }
  }
  return movements;
}

std::optional<domain::Movement> SqlMovementRepository::find_movement(MovementId id) {
  auto row = Query(session_, std::string(kMovementColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return load({to_movement(*row)}).front();
}

std::vector<domain::Movement> SqlMovementRepository::list_movements(const app::MovementQuery& query) {
  std::string sql = std::string(kMovementColumns) + "WHERE 1 = 1";
  for (std::size_t i = 0; i < query.terms.size(); ++i)
    sql += " AND search_text LIKE :t" + std::to_string(i);
  if (query.active_on) sql += " AND starts_on <= :day AND ends_on >= :day";
  if (query.level) sql += " AND level = :level";
  sql += " ORDER BY starts_on, id LIMIT 500";
  Query statement(session_, sql);
  for (std::size_t i = 0; i < query.terms.size(); ++i)
    statement.bind("t" + std::to_string(i), "% " + query.terms[i] + "%");
  if (query.active_on) statement.bind("day", *query.active_on);
  if (query.level) statement.bind("level", std::string(domain::to_string(*query.level)));
  std::vector<domain::Movement> found;
  for (const auto& row : statement.rows())
    found.push_back(to_movement(row));
  return load(std::move(found));
}

std::vector<domain::Movement> SqlMovementRepository::children_of(MovementId parent) {
  std::vector<domain::Movement> found;
  for (const auto& row : Query(session_, std::string(kMovementColumns) + "WHERE parent_id = :p ORDER BY starts_on, id")
                             .bind("p", parent.value)
                             .rows()) {
    found.push_back(to_movement(row));
  }
  return found;
}

std::optional<MovementId> SqlMovementRepository::movement_of_plan(DocumentId document) {
  auto row = Query(session_, "SELECT id FROM movement WHERE plan_document_id = :d").bind("d", document.value).first();
  if (!row) return std::nullopt;
  return MovementId{row->integer(0)};
}

namespace {

// Binds every column of the movement row but its id.
Query& bind_columns(Query& query, const domain::Movement& movement, const std::string& search_text) {
  return query.bind("name", movement.name)
      .bind("theme", movement.theme)
      .bind("authority", movement.authority)
      .bind("level", std::string(domain::to_string(movement.level)))
      .bind("kind", std::string(domain::to_string(movement.kind)))
      .bind("starts", movement.starts_on)
      .bind("ends", movement.ends_on)
      .bind("parent", optional_id(movement.parent))
      .bind("unit", optional_id(movement.unit))
      .bind("purposes", Json(movement.purposes).dump())
      .bind("requirements", Json(movement.requirements).dump())
      .bind("items", content_items_json(movement.content_items))
      .bind("solutions", Json(movement.solutions).dump())
      .bind("plan", optional_id(movement.plan_document))
      .bind("search", " " + search_text);
}

}  // namespace

MovementId SqlMovementRepository::insert_movement(const domain::Movement& movement, const std::string& search_text) {
  Query query(session_,
              "INSERT INTO movement (name, theme, authority, level, kind, starts_on, ends_on, parent_id, unit_id, "
              "purposes_json, requirements_json, content_items_json, solutions_json, plan_document_id, search_text) "
              "VALUES (:name, :theme, :authority, :level, :kind, :starts, :ends, :parent, :unit, :purposes, "
              ":requirements, :items, :solutions, :plan, :search) RETURNING id");
  auto saved = movement;
  saved.id = MovementId{bind_columns(query, movement, search_text).insert_returning_id()};
  insert_children(saved);
  return saved.id;
}

void SqlMovementRepository::update_movement(const domain::Movement& movement, const std::string& search_text) {
  Query query(session_,
              "UPDATE movement SET name = :name, theme = :theme, authority = :authority, level = :level, kind = :kind, "
              "starts_on = :starts, ends_on = :ends, parent_id = :parent, unit_id = :unit, purposes_json = :purposes, "
              "requirements_json = :requirements, content_items_json = :items, solutions_json = :solutions, "
              "plan_document_id = :plan, search_text = :search WHERE id = :id");
  bind_columns(query, movement, search_text).bind("id", movement.id.value).execute();
  for (const char* table : {"movement_wave", "movement_assignment", "movement_document"}) {
    Query(session_, std::string("DELETE FROM ") + table + " WHERE movement_id = :m")
        .bind("m", movement.id.value)
        .execute();
  }
  insert_children(movement);
}

void SqlMovementRepository::insert_children(const domain::Movement& movement) {
  for (std::size_t i = 0; i < movement.waves.size(); ++i) {
    const auto& wave = movement.waves[i];
    Query(session_,
          "INSERT INTO movement_wave (movement_id, position, name, starts_on, ends_on, occasions_json) VALUES (:m, :p, "
          ":name, :starts, :ends, :occasions)")
        .bind("m", movement.id.value)
        .bind("p", static_cast<std::int64_t>(i))
        .bind("name", wave.name)
        .bind("starts", wave.starts_on)
        .bind("ends", wave.ends_on)
        .bind("occasions", occasions_json(wave.occasions))
        .execute();
  }
  for (std::size_t i = 0; i < movement.assignments.size(); ++i) {
    Query(session_, "INSERT INTO movement_assignment (movement_id, position, unit_id, task) VALUES (:m, :p, :u, :t)")
        .bind("m", movement.id.value)
        .bind("p", static_cast<std::int64_t>(i))
        .bind("u", movement.assignments[i].unit.value)
        .bind("t", movement.assignments[i].task)
        .execute();
  }
  for (std::size_t i = 0; i < movement.implements.size(); ++i) {
    Query(session_, "INSERT INTO movement_document (movement_id, document_id, position) VALUES (:m, :d, :p)")
        .bind("m", movement.id.value)
        .bind("d", movement.implements[i].value)
        .bind("p", static_cast<std::int64_t>(i))
        .execute();
  }
}

}  // namespace tdkt::storage
