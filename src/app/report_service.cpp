#include "app/report_service.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "app/access.hpp"
#include "app/document_service.hpp"
#include "core/text.hpp"
#include "domain/text_field.hpp"

namespace tdkt::app {
namespace {

namespace rules = domain::rules;

constexpr int kMaxReportDays = 5 * 366;
constexpr std::string_view kReportSummary = "Sơ kết, tổng kết công tác thi đua, khen thưởng ";
// The lines the draft writes and narrative_of reads back from an issued report: the headings the
// officer's parts stand under, the mark of a part left empty, the sentence of a level without
// movements.
constexpr std::string_view kNoMovement = "Trong kỳ không có phong trào nào ở cấp này.";
constexpr std::string_view kOwnMovements = "3. Các phong trào thi đua do cơ quan phát động";
constexpr std::string_view kNextPeriod = "PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TIẾP THEO";
constexpr std::string_view kSituation = "I. ĐẶC ĐIỂM, TÌNH HÌNH";
constexpr std::string_view kStrengths = "1. Ưu điểm";
constexpr std::string_view kWeaknesses = "2. Tồn tại, hạn chế và nguyên nhân";
constexpr std::string_view kLessons = "3. Bài học kinh nghiệm";
constexpr std::string_view kToWrite = ": cán bộ thi đua viết.]";

bool within(CivilDate day, CivilDate from, CivilDate to) {
  return from <= day && day <= to;
}

std::string count_text(int count, const char* what) {
  return (count < 10 ? "0" : "") + std::to_string(count) + " " + what;
}

// "48 cá nhân, 02 tập thể", "không có" when there is none.
std::string individuals_and_collectives(int individuals, int collectives) {
  std::vector<std::string> parts;
  if (individuals > 0) parts.push_back(count_text(individuals, "cá nhân"));
  if (collectives > 0) parts.push_back(count_text(collectives, "tập thể"));
  if (parts.empty()) return "không có";
  return parts.size() == 1 ? parts[0] : parts[0] + " và " + parts[1];
}

// A plan or an actual as written in Vietnamese: "2.400", "124.249,27".
std::string number_text(double value) {
  const double whole = std::round(value);
  if (std::abs(value - whole) < 0.005) return text::format_integer(static_cast<std::int64_t>(whole));
  return text::format_decimal(value, 2);
}

// "kế hoạch 216.613 triệu đồng", or that the plan gives no figure.
std::string plan_text(const domain::Target& target) {
  if (target.plan_value <= 0) return "không giao số kế hoạch";
  return "kế hoạch " + number_text(target.plan_value) + " " + target.measure;
}

struct Builder {
  std::vector<domain::DocumentBlock> blocks;
  void add(const char* kind, std::string_view text) { blocks.push_back({kind, std::string(text)}); }
  void heading1(std::string_view text) { add("heading1", text); }
  void heading2(std::string_view text) { add("heading2", text); }
  void paragraph(std::string_view text) { add("paragraph", text); }
  void bullet(std::string_view text) { add("bullet", text); }
  void centered(std::string_view text) { add("centered", text); }
  // The officer's text, a paragraph a line; while it is empty, a marked place to write it.
  void written(const std::string& text, const std::string& what) {
    if (text.empty()) {
      paragraph("[" + what + std::string(kToWrite));
      return;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
      const auto end = std::min(text.find('\n', start), text.size());
      paragraph(text.substr(start, end - start));
      start = end + 1;
    }
  }
};

void movements_section(Builder& out, std::string_view title, const std::vector<domain::Movement>& list) {
  out.heading2(title);
  if (list.empty()) {
    out.paragraph(kNoMovement);
    return;
  }
  for (const auto& movement : list) {
    out.bullet("Phong trào \"" + movement.name + "\" (" + movement.authority + ", " + movement.starts_on.vn() + " – " +
               movement.ends_on.vn() + ").");
  }
}

}  // namespace

std::string period_text(CivilDate from, CivilDate to) {
  const int year = from.year();
  if (to.year() == year && from.day() == 1 && to.month() == 12 && to.day() == 31) {
    if (from.month() == 1) return "năm " + std::to_string(year);
    if (from.month() == 7) return "6 tháng cuối năm " + std::to_string(year);
  }
  if (to.year() == year && from.month() == 1 && from.day() == 1 && to.month() == 6 && to.day() == 30)
    return "6 tháng đầu năm " + std::to_string(year);
  return "từ " + from.vn() + " đến " + to.vn();
}

Result<ReportFigures> ReportService::figures(const Actor& actor, const ReportRequest& request) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  if (request.to < request.from)
    return Error::invalid(
        "to", "Ngày cuối kỳ báo cáo (" + request.to.vn() + ") trước ngày đầu kỳ (" + request.from.vn() + ").");
  if (request.to.days_since_epoch() - request.from.days_since_epoch() > kMaxReportDays)
    return Error::invalid("to", "Kỳ báo cáo dài quá 5 năm.");

  ReportFigures figures;
  figures.from = request.from;
  figures.to = request.to;
  figures.period_text = period_text(request.from, request.to);
  {
    auto work = store_.read();
    const auto own = own_documents(*work);
    if (const auto* newest = header_document(own, request.to)) {
      figures.issuer = newest->issuer;
      figures.issuer_parent = newest->issuer_parent;
      figures.place = newest->place;
      figures.signer_name = newest->signer_name;
      figures.signer_authority = newest->signer_authority;
      const auto dash = newest->number.symbol.find('-');
      figures.symbol = "BC" + (dash == std::string::npos ? std::string() : newest->number.symbol.substr(dash));
    }
    for (const auto& document : own) {
      if (within(document.issued_on, request.from, request.to)) figures.documents.push_back(document);
    }
    std::sort(figures.documents.begin(), figures.documents.end(), [](const auto& a, const auto& b) {
      return a.issued_on != b.issued_on ? a.issued_on < b.issued_on : a.number.number < b.number.number;
    });
    for (auto& movement : work->movements().list_movements({})) {
      if (movement.ends_on < request.from || request.to < movement.starts_on) continue;
      auto& into = movement.level == domain::MovementLevel::kNational   ? figures.national
                   : movement.level == domain::MovementLevel::kProvince ? figures.provincial
                                                                        : figures.own;
      into.push_back(std::move(movement));
    }
  }

  // Grants decided in the period (by the date of their decision), by the level of the authority.
  figures.grants = {{"state", "Khen thưởng cấp Nhà nước (Chủ tịch nước, Thủ tướng Chính phủ)", 0, 0, {}},
                    {"province", "Khen thưởng cấp tỉnh (Chủ tịch UBND tỉnh)", 0, 0, {}},
                    {"agency", "Khen thưởng thuộc thẩm quyền của cơ quan", 0, 0, {}},
                    {"other", "Khen thưởng của bộ, ngành, đoàn thể và cấp khác", 0, 0, {}}};
  auto listed = grants_.list(actor, GrantHistoryRequest{});
  if (!listed) return std::move(listed).error();
  for (auto& item : *listed) {
    if (!item.grant.decision_date || !within(*item.grant.decision_date, request.from, request.to)) continue;
    std::size_t index = 3;
    if (item.level == rules::AuthorityLevel::kPresident || item.level == rules::AuthorityLevel::kPrimeMinister)
      index = 0;
    if (item.level == rules::AuthorityLevel::kProvince) index = 1;
    if (item.level == rules::AuthorityLevel::kAgency) index = 2;
    auto& level = figures.grants[index];
    const bool person = item.grant.subject.kind == rules::SubjectKind::kPerson;
    (person ? level.individuals : level.collectives) += 1;
    (person ? figures.individuals : figures.collectives) += 1;
    level.grants.push_back(std::move(item));
  }

  auto complaints = complaints_.counts(actor, request.from, request.to);
  if (!complaints) return std::move(complaints).error();
  figures.complaints = *complaints;

  auto councils = council_.list(actor);
  if (!councils) return std::move(councils).error();
  for (auto& council : *councils) {
    if (council.council.term_from <= request.to && request.to <= council.council.term_to) {
      figures.council = std::move(council);
      break;
    }
  }
  TDKT_TRY(count_targets(actor, figures));
  figures.previous = previous_report(request);
  if (figures.council) {
    auto sessions = council_.sessions(actor, std::nullopt);
    if (!sessions) return std::move(sessions).error();
    figures.sessions = static_cast<int>(std::count_if(sessions->begin(), sessions->end(), [&](const SessionView& view) {
      return view.session.council == figures.council->council.id &&
             within(view.session.held_on, request.from, request.to);
    }));
  }
  return figures;
}

Status ReportService::count_targets(const Actor& actor, ReportFigures& figures) {
  std::vector<domain::Movement> movements;
  {
    auto work = store_.read();
    movements = work->movements().list_movements({});
  }
  std::sort(movements.begin(), movements.end(), [](const auto& a, const auto& b) { return a.starts_on < b.starts_on; });
  // The next period is as long as this one: a half-year's report looks to the next half-year.
  const auto next_end = CivilDate::from_days(figures.to.days_since_epoch() +
                                             (figures.to.days_since_epoch() - figures.from.days_since_epoch() + 1));
  for (const auto& movement : movements) {
    const bool during = !(movement.ends_on < figures.from || figures.to < movement.starts_on);
    const bool after = figures.to < movement.ends_on && movement.starts_on <= next_end;
    if (after) figures.next_movements.push_back(movement);
    if (!during) continue;
    auto targets = targets_.list(actor, movement.id, std::nullopt, figures.to);
    if (!targets) return std::move(targets).error();
    bool any = false;
    for (const auto& unit : targets->units) {
      for (const auto& target : unit.targets) {
        any = true;
        if (figures.to < target.target.due_on && target.progress.status != domain::TargetStatus::kAchieved)
          figures.open_targets.push_back(target);
      }
    }
    if (any) figures.targets.push_back(std::move(*targets));
  }
  return {};
}

std::optional<PreviousReport> ReportService::previous_report(const ReportRequest& request) const {
  const std::string this_period = std::string(kReportSummary) + period_text(request.from, request.to) + " ";
  auto work = store_.read();
  for (const auto& document : own_documents(*work)) {  // newest first
    if (document.type != domain::DocumentType::kReport || !document.summary.starts_with(kReportSummary) ||
        document.summary.starts_with(this_period) || request.to < document.issued_on)
      continue;
    auto full = work->documents().find_document(document.id);
    if (!full) continue;
    return PreviousReport{full->id, full->number.text(), full->issued_on, full->summary, narrative_of(*full)};
  }
  return std::nullopt;
}

ReportNarrative narrative_of(const domain::RegisteredDocument& report) {
  ReportNarrative out;
  std::string* part = nullptr;
  bool own_movements = false;  // in III.3, where the highlights follow the list of movements
  for (const auto& block : report.body) {
    const bool heading = block.kind == "heading1" || block.kind == "heading2" || block.kind == "centered";
    if (heading) {
      part = nullptr;
      own_movements = block.text == kOwnMovements;
      if (block.kind == "heading1" && block.text == kSituation) part = &out.situation;
      if (own_movements) part = &out.highlights;
      if (block.text == kStrengths) part = &out.strengths;
      if (block.text == kWeaknesses) part = &out.weaknesses;
      if (block.text == kLessons) part = &out.lessons;
      if (block.text == kNextPeriod) part = &out.direction;
      continue;
    }
    if (part == nullptr || block.kind != "paragraph") continue;
    // The marks of parts left empty, and the sentence of a level without movements, are not text.
    if ((block.text.starts_with("[") && block.text.ends_with(kToWrite)) || (own_movements && block.text == kNoMovement))
      continue;
    if (!part->empty()) *part += "\n";
    *part += block.text;
  }
  return out;
}

Result<domain::RegisteredDocument> ReportService::draft(const Actor& actor, const ReportFigures& figures,
                                                        const ReportNarrative& narrative) const {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  domain::RegisteredDocument document;
  document.type = domain::DocumentType::kReport;
  document.own = true;
  document.issuer = figures.issuer;
  document.issuer_parent = figures.issuer_parent;
  document.place = figures.place;
  document.signer_name = figures.signer_name;
  document.signer_authority = figures.signer_authority;
  document.issued_on = figures.to;
  document.year = figures.to.year();
  document.number.symbol = figures.symbol.empty() ? "BC" : figures.symbol;
  document.summary = "Sơ kết, tổng kết công tác thi đua, khen thưởng " + figures.period_text +
                     " và phương hướng, nhiệm vụ kỳ tiếp theo";
  document.recipients = {"Ban Thi đua - Khen thưởng tỉnh;", "Lãnh đạo cơ quan;", "Lưu: VT."};

  Builder out;
  out.centered("Phần thứ nhất");
  out.centered("KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG " + text::upper(figures.period_text));
  out.heading1(kSituation);
  out.written(narrative.situation, "Chức năng, nhiệm vụ, thuận lợi, khó khăn của cơ quan trong kỳ");

  out.heading1("II. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH");
  if (figures.documents.empty()) {
    out.paragraph("Trong kỳ, cơ quan chưa ban hành văn bản nào được ghi trong sổ văn bản.");
  } else {
    out.paragraph("Trong kỳ, cơ quan đã ban hành " + count_text(static_cast<int>(figures.documents.size()), "văn bản") +
                  " để chỉ đạo, triển khai công tác thi đua, khen thưởng:");
    for (const auto& issued : figures.documents) {
      out.bullet(std::string(domain::vietnamese_label(issued.type)) + " số " + issued.number.text() + " ngày " +
                 issued.issued_on.vn() + " về " + issued.summary + ";");
    }
  }

  out.heading1("III. KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA");
  movements_section(out, "1. Các phong trào thi đua do Trung ương phát động", figures.national);
  movements_section(out, "2. Các phong trào thi đua do tỉnh phát động", figures.provincial);
  movements_section(out, kOwnMovements, figures.own);
  out.written(narrative.highlights, "Kết quả nổi bật, gương điển hình tiên tiến");
  out.heading2("4. Kết quả thực hiện các chỉ tiêu thi đua");
  if (figures.targets.empty()) out.paragraph("Các phong trào trong kỳ chưa có chỉ tiêu nào được giao trong hồ sơ.");
  for (const auto& movement : figures.targets) {
    std::vector<domain::Progress> progresses;
    for (const auto& unit : movement.units)
      for (const auto& target : unit.targets)
        progresses.push_back(target.progress);
    const auto summary = domain::summarise(progresses);
    out.paragraph("Phong trào \"" + movement.movement.name + "\": " + count_text(summary.targets, "chỉ tiêu") +
                  ", đến ngày " + figures.to.vn() + " đạt " + count_text(summary.achieved, "chỉ tiêu") +
                  ", đúng tiến độ " + count_text(summary.on_track, "chỉ tiêu") + ", chậm tiến độ " +
                  count_text(summary.behind, "chỉ tiêu") + ", quá hạn " + count_text(summary.overdue, "chỉ tiêu") +
                  (summary.mean_completion
                       ? "; mức hoàn thành bình quân " + text::format_decimal(*summary.mean_completion, 2) + " %"
                       : std::string()) +
                  ".");
    out.add("table_header", "Chỉ tiêu\tKế hoạch\tThực hiện\tTỷ lệ");
    for (const auto& unit : movement.units) {
      for (const auto& target : unit.targets) {
        const auto& progress = target.progress;
        out.add("table_row",
                target.target.indicator + " (" + target.target.measure + ")\t" +
                    (target.target.plan_value > 0 ? number_text(target.target.plan_value) : std::string("–")) + "\t" +
                    (progress.latest ? number_text(progress.latest->value) : std::string("–")) + "\t" +
                    (progress.completion ? text::format_decimal(*progress.completion, 2) + " %"
                                         : std::string(domain::vietnamese_label(progress.status))));
      }
    }
  }

  out.heading1("IV. CÔNG TÁC KHEN THƯỞNG");
  if (figures.individuals + figures.collectives == 0) {
    out.paragraph("Trong kỳ không có cá nhân, tập thể nào được khen thưởng theo quyết định ban hành trong kỳ.");
  } else {
    out.paragraph("Trong kỳ có " + individuals_and_collectives(figures.individuals, figures.collectives) +
                  " được khen thưởng theo quyết định ban hành trong kỳ:");
  }
  out.add("table_header", "Cấp khen thưởng\tCá nhân\tTập thể");
  for (const auto& level : figures.grants) {
    out.add("table_row",
            level.label + "\t" + std::to_string(level.individuals) + "\t" + std::to_string(level.collectives));
  }
  out.add("table_row",
          "Tổng cộng\t" + std::to_string(figures.individuals) + "\t" + std::to_string(figures.collectives));

  out.heading1("V. CÔNG TÁC KIỂM TRA, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO VỀ THI ĐUA, KHEN THƯỞNG");
  const auto& complaints = figures.complaints;
  if (complaints.received == 0) {
    out.paragraph("Trong kỳ, không có đơn thư khiếu nại, tố cáo về công tác thi đua, khen thưởng gửi về cơ quan.");
  } else {
    out.paragraph(
        "Trong kỳ, cơ quan tiếp nhận " + count_text(complaints.received, "đơn") + " (" +
        count_text(complaints.complaints, "khiếu nại") + ", " + count_text(complaints.denunciations, "tố cáo") +
        "); đã trả lời " + count_text(complaints.answered, "đơn") + ", còn " + count_text(complaints.open, "đơn") +
        " đang giải quyết" +
        (complaints.overdue > 0 ? ", trong đó " + count_text(complaints.overdue, "đơn") + " quá hạn" : "") + ".");
  }

  out.heading1("VI. TỔ CHỨC BỘ MÁY, HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG");
  if (figures.council) {
    const auto& council = figures.council->council;
    out.paragraph(council.name + " gồm " + count_text(static_cast<int>(council.members.size()), "thành viên") +
                  " (nhiệm kỳ " + council.term_from.vn() + " – " + council.term_to.vn() + "); trong kỳ Hội đồng họp " +
                  count_text(figures.sessions, "phiên") + ".");
  } else {
    out.paragraph("Chưa có Hội đồng Thi đua - Khen thưởng có nhiệm kỳ bao gồm kỳ báo cáo.");
  }

  out.heading1("VII. ĐÁNH GIÁ CHUNG");
  out.heading2(kStrengths);
  out.written(narrative.strengths, "Ưu điểm");
  out.heading2(kWeaknesses);
  out.written(narrative.weaknesses, "Tồn tại, hạn chế và nguyên nhân");
  out.heading2(kLessons);
  out.written(narrative.lessons, "Bài học kinh nghiệm");

  out.centered("Phần thứ hai");
  out.centered(kNextPeriod);
  out.written(narrative.direction, "Phương hướng, nhiệm vụ và giải pháp");
  out.heading2("Các chỉ tiêu còn phải thực hiện");
  if (figures.open_targets.empty()) {
    out.paragraph("Không còn chỉ tiêu nào chưa đạt có hạn sau kỳ báo cáo.");
  }
  for (const auto& open : figures.open_targets) {
    out.bullet(open.target.indicator + ": " + plan_text(open.target) + ", hạn " + open.target.due_on.vn() +
               (open.progress.latest
                    ? ", đã thực hiện " + number_text(open.progress.latest->value) + " " + open.target.measure
                    : std::string(", chưa có số liệu")) +
               ";");
  }
  out.heading2("Các phong trào thi đua tiếp tục hoặc sẽ triển khai");
  if (figures.next_movements.empty()) out.paragraph("Chưa có phong trào thi đua nào sau kỳ báo cáo trong hồ sơ.");
  for (const auto& movement : figures.next_movements) {
    out.bullet("Phong trào \"" + movement.name + "\" (" + movement.authority + ", " + movement.starts_on.vn() + " – " +
               movement.ends_on.vn() + ");");
  }
  document.body = std::move(out.blocks);
  return document;
}

Result<domain::RegisteredDocument> ReportService::issue(const Actor& actor, const ReportIssueRequest& request) {
  constexpr std::size_t kMaxPart = 20000;
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  TDKT_TRY(require(actor, domain::Permission::kManageDocuments));
  auto narrative = request.narrative;
  for (auto [part, field, what] : {std::tuple{&narrative.situation, "narrative.situation", "Đặc điểm, tình hình"},
                                   {&narrative.highlights, "narrative.highlights", "Kết quả nổi bật"},
                                   {&narrative.strengths, "narrative.strengths", "Ưu điểm"},
                                   {&narrative.weaknesses, "narrative.weaknesses", "Tồn tại, hạn chế"},
                                   {&narrative.lessons, "narrative.lessons", "Bài học kinh nghiệm"},
                                   {&narrative.direction, "narrative.direction", "Phương hướng, nhiệm vụ"}}) {
    TDKT_TRY(domain::check_paragraphs(*part, field, kMaxPart, what));
  }
  auto figures = this->figures(actor, request.period);
  if (!figures) return std::move(figures).error();
  auto drafted = draft(actor, *figures, narrative);
  if (!drafted) return drafted;
  DocumentRegistration registration;
  registration.document = std::move(*drafted);
  registration.assign_number = true;
  auto& document = registration.document;
  document.issued_on = request.issued_on;
  if (!text::normalize(request.signer_name).empty()) document.signer_name = text::normalize(request.signer_name);
  if (!text::normalize(request.signer_authority).empty())
    document.signer_authority = text::normalize(request.signer_authority);
  document.signer_position = text::normalize(request.signer_position);
  if (document.issuer.empty()) {
    return Error::conflict(ErrorCode::kConflict, "issuer",
                           "Sổ văn bản chưa có văn bản nào của cơ quan để lấy tên cơ quan ban hành báo cáo.");
  }
  auto work = store_.write();
  work->lock_numbering();
  auto registered = register_document_in(*work, actor, std::move(registration), clock_);
  if (!registered) return registered;
  work->commit();
  return registered;
}

}  // namespace tdkt::app
