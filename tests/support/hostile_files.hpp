#pragma once
// Office files built byte by byte to attack a reader (issue 15): ZIP archives written here, not by
// libzip, so that an entry can declare one size and inflate to another, and long repetitive
// content is deflated once and repeated (deflate blocks after a full flush stand alone), so that
// a gigabyte of content costs the test a few milliseconds and about a megabyte.

#include <cstdint>
#include <string>
#include <vector>

namespace tdkt::testing {

// The XML of an entry as a prefix, a unit repeated `repeats` times and a suffix.
struct RepeatedXml {
  std::string prefix;
  std::string unit;
  std::uint64_t repeats = 0;
  std::string suffix;

  std::uint64_t size() const { return prefix.size() + unit.size() * repeats + suffix.size(); }
};

struct HostileEntry {
  std::string name;
  RepeatedXml content;
  // The uncompressed size the archive declares; the real size when not given. A CRC is written for
  // the real content.
  std::uint64_t declared_size = UINT64_MAX;
};

// A ZIP archive of deflated entries (ZIP64 is not used: declared sizes stay below 4 GiB).
std::string hostile_zip(const std::vector<HostileEntry>& entries);

// A workbook of one sheet named `sheet_name` whose worksheet part is `sheet` and whose shared
// strings part (when given) is `shared_strings`; the other parts as Excel writes them.
std::string hostile_workbook(const std::string& sheet_name, const RepeatedXml& sheet,
                             const RepeatedXml& shared_strings = {}, std::uint64_t sheet_declared_size = UINT64_MAX);

// The worksheet XML around `rows` (<row> elements).
RepeatedXml worksheet_of(const std::string& unit, std::uint64_t repeats);

// The attacks of issue 15, each named after what it does:
// rows of empty cells (<c/>, no value) deflating to about `compressed_bytes`;
std::string empty_cells_workbook(const std::string& sheet_name, std::uint64_t compressed_bytes);
// a sheet that declares `declared` bytes and inflates to `inflated`;
std::string lying_sheet_workbook(const std::string& sheet_name, std::uint32_t declared, std::uint64_t inflated);
// `rows` empty <row/> elements;
std::string empty_rows_workbook(const std::string& sheet_name, std::uint64_t rows);
// `count` shared strings, the sheet empty;
std::string shared_strings_workbook(const std::string& sheet_name, std::uint64_t count);
// a sheet whose XML nests `depth` elements inside one another.
std::string deep_sheet_workbook(const std::string& sheet_name, std::uint64_t depth);

// XML nesting `depth` elements named `element` inside `root_open` ... `root_close`.
std::string deep_xml(const std::string& root_open, const std::string& element, std::uint64_t depth,
                     const std::string& root_close);

}  // namespace tdkt::testing
