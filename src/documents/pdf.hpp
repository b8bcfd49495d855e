#pragma once
// DOCX → PDF with LibreOffice (soffice --headless --convert-to pdf), run as a child process with
// a private profile and HOME in a temporary folder that is removed afterwards, so calls can run
// in parallel and leave nothing behind.

#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace tdkt::documents {

struct PdfOptions {
  // The converter: empty looks for soffice, then libreoffice, on PATH.
  std::string program;
  // The whole call, all documents together; past it the converter is killed.
  std::chrono::milliseconds timeout = std::chrono::seconds(120);
};

// One DOCX to PDF. kUnavailable, with a Vietnamese message, when LibreOffice is missing, fails
// or runs out of time.
Result<std::string> convert_to_pdf(std::string_view docx_bytes, const PdfOptions& options = {});

// Several DOCX in one LibreOffice call (10 documents take about 1.5 s, against 1.2 s each one by
// one); the PDFs in the same order.
Result<std::vector<std::string>> convert_all_to_pdf(std::span<const std::string> docx_files,
                                                    const PdfOptions& options = {});

}  // namespace tdkt::documents
