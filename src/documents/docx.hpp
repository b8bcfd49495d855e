#pragma once
// Renders an OfficialDocument into a DOCX template. Templates are unpacked OpenXML packages under
// templates/ in the source tree, compiled into the binary (templates/README.md: the placeholders
// and the paragraph styles a template provides). The layout lives in the template; this code
// only puts the text in.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded.hpp"
#include "core/result.hpp"
#include "documents/document.hpp"
#include "documents/package.hpp"

namespace tdkt::documents {

// The template files compiled into the binary, by path relative to templates/
// ("decree30/word/document.xml").
std::span<const EmbeddedFile> template_files();

// The names of the compiled-in templates ("decree30"), sorted.
std::vector<std::string> builtin_template_names();

// The parts of a compiled-in template; kNotFound for an unknown name.
Result<Package> builtin_template(std::string_view name);

// The DOCX of `document` in a compiled-in template.
Result<std::string> render_docx(const OfficialDocument& document, std::string_view template_name = "decree30");

// The DOCX of `document` in the given template parts: a compiled-in template, or a .docx an
// agency made in Word (read_package). A placeholder Word split across runs is found in the
// paragraph's merged text and written in the first run's formatting. An unknown placeholder,
// a part that is not well-formed XML, a part name that is not UTF-8 or holds control characters,
// or text that is not UTF-8 is an error (kInvalidInput, field "template" or the value's name).
Result<std::string> render_docx(const OfficialDocument& document, const Package& template_parts);

}  // namespace tdkt::documents
