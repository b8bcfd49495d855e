#include "support/hostile_files.hpp"

#include <zlib.h>

#include <stdexcept>

namespace tdkt::testing {
namespace {

constexpr const char* kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

// Raw deflate (no zlib header), as ZIP stores it.
class Deflater {
 public:
  Deflater() {
    if (deflateInit2(&stream_, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
      throw std::runtime_error("deflateInit2");
    }
  }
  ~Deflater() { deflateEnd(&stream_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  // Compresses `input` and flushes with `flush`; after Z_FULL_FLUSH the output is byte-aligned and
  // refers to nothing before it, so it may be repeated.
  std::string take(const std::string& input, int flush) {
    std::string out;
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    stream_.avail_in = static_cast<uInt>(input.size());
    char buffer[65536];
    do {
      stream_.next_out = reinterpret_cast<Bytef*>(buffer);
      stream_.avail_out = sizeof buffer;
      const int status = deflate(&stream_, flush);
      if (status == Z_STREAM_ERROR) throw std::runtime_error("deflate");
      out.append(buffer, sizeof buffer - stream_.avail_out);
    } while (stream_.avail_out == 0 || stream_.avail_in > 0);
    return out;
  }

 private:
  z_stream stream_{};
};

struct Packed {
  std::string data;
  std::uint32_t crc = 0;
  std::uint64_t size = 0;
};

Packed pack(const RepeatedXml& xml) {
  Packed packed;
  Deflater deflater;
  packed.data = deflater.take(xml.prefix, Z_FULL_FLUSH);
  auto crc = crc32(0, reinterpret_cast<const Bytef*>(xml.prefix.data()), static_cast<uInt>(xml.prefix.size()));
  if (xml.repeats > 0) {
    const std::string block = deflater.take(xml.unit, Z_FULL_FLUSH);
    const auto unit_crc = crc32(0, reinterpret_cast<const Bytef*>(xml.unit.data()), static_cast<uInt>(xml.unit.size()));
    packed.data.reserve(packed.data.size() + block.size() * xml.repeats);
    for (std::uint64_t i = 0; i < xml.repeats; ++i) {
      packed.data += block;
      crc = crc32_combine(crc, unit_crc, static_cast<z_off_t>(xml.unit.size()));
    }
  }
  packed.data += deflater.take(xml.suffix, Z_FINISH);
  crc = crc32_combine(crc,
                      crc32(0, reinterpret_cast<const Bytef*>(xml.suffix.data()), static_cast<uInt>(xml.suffix.size())),
                      static_cast<z_off_t>(xml.suffix.size()));
  packed.crc = static_cast<std::uint32_t>(crc);
  packed.size = xml.size();
  return packed;
}

void le16(std::string& out, std::uint32_t value) {
  out += static_cast<char>(value & 0xFFU);
  out += static_cast<char>((value >> 8) & 0xFFU);
}
void le32(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 4; ++i)
    out += static_cast<char>((value >> (8 * i)) & 0xFFU);
}

RepeatedXml plain(std::string text) {
  return {std::move(text), {}, 0, {}};
}

}  // namespace

std::string hostile_zip(const std::vector<HostileEntry>& entries) {
  std::string out;
  std::string directory;
  for (const auto& entry : entries) {
    const Packed packed = pack(entry.content);
    const std::uint64_t declared = entry.declared_size == UINT64_MAX ? packed.size : entry.declared_size;
    if (declared > 0xFFFFFFFFU || packed.data.size() > 0xFFFFFFFFU) throw std::runtime_error("ZIP64 needed");
    const std::uint64_t offset = out.size();
    // Local file header: version 2.0, no flags, deflate, a fixed time, CRC, sizes.
    le32(out, 0x04034b50);
    le16(out, 20);
    le16(out, 0);
    le16(out, 8);
    le16(out, 0);
    le16(out, 0x21);
    le32(out, packed.crc);
    le32(out, packed.data.size());
    le32(out, declared);
    le16(out, static_cast<std::uint32_t>(entry.name.size()));
    le16(out, 0);
    out += entry.name;
    out += packed.data;
    // Central directory header.
    le32(directory, 0x02014b50);
    le16(directory, 20);
    le16(directory, 20);
    le16(directory, 0);
    le16(directory, 8);
    le16(directory, 0);
    le16(directory, 0x21);
    le32(directory, packed.crc);
    le32(directory, packed.data.size());
    le32(directory, declared);
    le16(directory, static_cast<std::uint32_t>(entry.name.size()));
    le16(directory, 0);
    le16(directory, 0);
    le16(directory, 0);
    le16(directory, 0);
    le32(directory, 0);
    le32(directory, offset);
    directory += entry.name;
  }
  const std::uint64_t directory_offset = out.size();
  out += directory;
  le32(out, 0x06054b50);
  le16(out, 0);
  le16(out, 0);
  le16(out, static_cast<std::uint32_t>(entries.size()));
  le16(out, static_cast<std::uint32_t>(entries.size()));
  le32(out, directory.size());
  le32(out, directory_offset);
  le16(out, 0);
  return out;
}

std::string hostile_workbook(const std::string& sheet_name, const RepeatedXml& sheet, const RepeatedXml& shared_strings,
                             std::uint64_t sheet_declared_size) {
  const std::string root_rels = std::string("<Relationships xmlns=\"") + kPackageRelNs +
                                "\"><Relationship Id=\"rId1\" Type=\"" + kRelNs +
                                "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
  const std::string workbook = std::string("<workbook xmlns=\"") + kMainNs + "\" xmlns:r=\"" + kRelNs +
                               "\"><sheets><sheet name=\"" + sheet_name +
                               "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  std::string rels = std::string("<Relationships xmlns=\"") + kPackageRelNs + "\"><Relationship Id=\"rId1\" Type=\"" +
                     kRelNs + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>";
  std::vector<HostileEntry> entries{{"_rels/.rels", plain(root_rels)}, {"xl/workbook.xml", plain(workbook)}};
  if (shared_strings.size() > 0) {
    rels +=
        std::string("<Relationship Id=\"rId2\" Type=\"") + kRelNs + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
  }
  rels += "</Relationships>";
  entries.push_back({"xl/_rels/workbook.xml.rels", plain(rels)});
  if (shared_strings.size() > 0) entries.push_back({"xl/sharedStrings.xml", shared_strings});
  entries.push_back({"xl/worksheets/sheet1.xml", sheet, sheet_declared_size});
  return hostile_zip(entries);
}

RepeatedXml worksheet_of(const std::string& unit, std::uint64_t repeats) {
  return {std::string("<worksheet xmlns=\"") + kMainNs + "\"><sheetData>", unit, repeats, "</sheetData></worksheet>"};
}

std::string empty_cells_workbook(const std::string& sheet_name, std::uint64_t compressed_bytes) {
  // A row of 16 000 empty cells (no r: each follows the one before, up to column WQJ) is 64 KB of
  // XML that deflates to about 100 bytes (a full-flushed block): six hundredfold.
  std::string row = "<row>";
  for (int i = 0; i < 16000; ++i)
    row += "<c/>";
  row += "</row>";
  const std::uint64_t rows = compressed_bytes / 100;
  return hostile_workbook(sheet_name, worksheet_of(row, rows));
}

std::string lying_sheet_workbook(const std::string& sheet_name, std::uint32_t declared, std::uint64_t inflated) {
  // Text in an element no reader looks at, so only the sizes matter.
  RepeatedXml sheet{std::string("<worksheet xmlns=\"") + kMainNs + "\"><extLst>", std::string(65536, 'a'),
                    inflated / 65536, "</extLst></worksheet>"};
  return hostile_workbook(sheet_name, sheet, {}, declared);
}

std::string empty_rows_workbook(const std::string& sheet_name, std::uint64_t rows) {
  std::string thousand;
  for (int i = 0; i < 1000; ++i)
    thousand += "<row/>";
  return hostile_workbook(sheet_name, worksheet_of(thousand, rows / 1000));
}

std::string shared_strings_workbook(const std::string& sheet_name, std::uint64_t count) {
  std::string hundred;
  for (int i = 0; i < 100; ++i)
    hundred += "<si><t>x</t></si>";
  const RepeatedXml strings{std::string("<sst xmlns=\"") + kMainNs + "\">", hundred, count / 100, "</sst>"};
  return hostile_workbook(sheet_name, worksheet_of("", 0), strings);
}

std::string deep_xml(const std::string& root_open, const std::string& element, std::uint64_t depth,
                     const std::string& root_close) {
  std::string xml = root_open;
  xml.reserve(root_open.size() + depth * (2 * element.size() + 5) + root_close.size());
  for (std::uint64_t i = 0; i < depth; ++i)
    xml += "<" + element + ">";
  for (std::uint64_t i = 0; i < depth; ++i)
    xml += "</" + element + ">";
  return xml + root_close;
}

std::string deep_sheet_workbook(const std::string& sheet_name, std::uint64_t depth) {
  const std::string xml = deep_xml(std::string("<worksheet xmlns=\"") + kMainNs + "\"><sheetData>", "row", depth,
                                   "</sheetData></worksheet>");
  return hostile_workbook(sheet_name, plain(xml));
}

}  // namespace tdkt::testing
