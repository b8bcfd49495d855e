#pragma once
// DOCX → PDF with LibreOffice (soffice --headless --convert-to pdf), run as a child process with
// a private profile and HOME in a temporary folder that is removed afterwards, so calls can run
// in parallel and leave nothing behind.

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
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

// The converter the server uses: at most `concurrent` LibreOffice calls at once (each takes
// 200–300 MB and up to `timeout`), and the PDF of a DOCX it has converted before served from
// memory. A call beyond the limit does not wait: it is refused at once with kBusy and a
// Vietnamese message, so that a burst of requests cannot hold every worker thread.
// Thread-safe.
class PdfConverter {
 public:
  struct Limits {
    int concurrent = 2;
    std::size_t cache_bytes = 64 << 20;  // DOCX and PDF bytes kept, least recently used dropped first
  };
  struct Counts {
    long conversions = 0;  // LibreOffice calls made
    long cache_hits = 0;   // documents answered from the cache
    long refused = 0;      // calls refused as busy
  };

  explicit PdfConverter(Limits limits, PdfOptions options = {});

  Result<std::string> convert(std::string_view docx_bytes);
  // Several documents in one LibreOffice call (one place of the limit); cached ones are not
  // converted again.
  Result<std::vector<std::string>> convert_all(std::span<const std::string> docx_files);
  Counts counts() const;

 private:
  struct Entry {
    std::size_t key;  // hash of the DOCX bytes
    std::string docx;
    std::string pdf;
  };
  std::optional<std::string> cached(std::string_view docx);
  void remember(std::string docx, std::string pdf);
  Status acquire();
  void release();

  Limits limits_;
  PdfOptions options_;
  mutable std::mutex mutex_;
  int running_ = 0;
  std::list<Entry> cache_;  // most recently used first
  std::size_t cache_size_ = 0;
  Counts counts_;
};

}  // namespace tdkt::documents
