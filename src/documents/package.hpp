#pragma once
// OpenXML packages (DOCX, XLSX) in memory: a zip archive as a map from part name
// ("word/document.xml", "[Content_Types].xml") to the part's bytes. Built on libzip.

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tdkt::documents {

using Package = std::map<std::string, std::string, std::less<>>;

// Reads a zip archive. Refuses what is not a zip, a damaged entry, and archives that unpack to
// more than 256 MiB (a template or an upload never comes near it; a zip bomb does).
Result<Package> read_package(std::string_view zip_bytes);

// Writes the parts into a zip archive, deflated, "[Content_Types].xml" first as Word writes it.
// Entries carry a fixed time stamp, so the same parts give the same bytes.
Result<std::string> write_package(const Package& package);

}  // namespace tdkt::documents
