#include "ooxml/xml_stream.hpp"

#include <expat.h>

#include <climits>
#include <optional>

namespace tdkt::ooxml {

std::string_view local_name(std::string_view name) {
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view XmlAttributes::get(std::string_view name) const {
  for (const char** pair = pairs_; pair != nullptr && *pair != nullptr; pair += 2) {
    if (name == pair[0]) return pair[1];
  }
  return {};
}

bool XmlAttributes::has(std::string_view name) const {
  for (const char** pair = pairs_; pair != nullptr && *pair != nullptr; pair += 2) {
    if (name == pair[0]) return true;
  }
  return false;
}

std::string_view XmlAttributes::prefixed(std::string_view local) const {
  for (const char** pair = pairs_; pair != nullptr && *pair != nullptr; pair += 2) {
    const std::string_view name = pair[0];
    if (name.find(':') != std::string_view::npos && local_name(name) == local) return pair[1];
  }
  return {};
}

struct XmlStream::State {
  XmlHandler& handler;
  std::size_t max_depth;
  Describe describe;
  XML_Parser parser = nullptr;
  std::size_t depth = 0;
  std::optional<Error> failure;  // the first error; the parser has been stopped

  State(XmlHandler& h, std::size_t limit, Describe d) : handler(h), max_depth(limit), describe(std::move(d)) {}
  ~State() {
    if (parser != nullptr) XML_ParserFree(parser);
  }
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  std::uint64_t offset() const {
    const XML_Index index = XML_GetCurrentByteIndex(parser);
    return index < 0 ? 0 : static_cast<std::uint64_t>(index);
  }

  void fail(Error error) {
    if (failure) return;
    failure = std::move(error);
    XML_StopParser(parser, XML_FALSE);
  }

  static State& of(void* data) { return *static_cast<State*>(data); }

  static void on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
    auto& state = of(data);
    if (state.failure) return;
    if (++state.depth > state.max_depth) {
      state.fail(state.describe(XmlFault::kTooDeep, state.offset()));
      return;
    }
    const XmlAttributes wrapped(attributes);
    if (auto status = state.handler.start(name, wrapped, state.depth); !status) state.fail(std::move(status).error());
  }

  static void on_end(void* data, const XML_Char* name) {
    auto& state = of(data);
    if (state.failure) return;
    if (auto status = state.handler.end(name, state.depth); !status) state.fail(std::move(status).error());
    --state.depth;
  }

  static void on_text(void* data, const XML_Char* text, int length) {
    auto& state = of(data);
    if (state.failure || length <= 0) return;
    if (auto status = state.handler.text(std::string_view(text, static_cast<std::size_t>(length))); !status) {
      state.fail(std::move(status).error());
    }
  }

  static void on_doctype(void* data, const XML_Char* /*name*/, const XML_Char* /*system_id*/,
                         const XML_Char* /*public_id*/, int /*has_internal_subset*/) {
    auto& state = of(data);
    state.fail(state.describe(XmlFault::kDoctype, state.offset()));
  }
};

XmlStream::XmlStream(XmlHandler& handler, std::size_t max_depth, Describe describe)
    : state_(std::make_unique<State>(handler, max_depth, std::move(describe))) {
  // The encoding comes from the document (UTF-8 when it says nothing; UTF-16 by its mark); what
  // the handler receives is UTF-8 (XML_Char is char in Debian's expat).
  state_->parser = XML_ParserCreate(nullptr);
  if (state_->parser == nullptr) {
    state_->failure = Error::internal("Không đủ bộ nhớ để đọc XML.");
    return;
  }
  XML_SetUserData(state_->parser, state_.get());
  XML_SetElementHandler(state_->parser, &State::on_start, &State::on_end);
  XML_SetCharacterDataHandler(state_->parser, &State::on_text);
  XML_SetStartDoctypeDeclHandler(state_->parser, &State::on_doctype);
  // No external entity is ever loaded (no handler is set) and no parameter entity is parsed.
  XML_SetParamEntityParsing(state_->parser, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlStream::~XmlStream() = default;

Status XmlStream::parse(std::string_view chunk, bool last) {
  auto& state = *state_;
  if (state.failure) return *state.failure;
  // expat takes an int length; feed() callers give chunks far smaller, read_xml splits.
  const auto status =
      XML_Parse(state.parser, chunk.data(), static_cast<int>(chunk.size()), last ? XML_TRUE : XML_FALSE);
  if (state.failure) return *state.failure;
  if (status != XML_STATUS_OK) {
    state.failure = state.describe(XmlFault::kMalformed, state.offset());
    return *state.failure;
  }
  return {};
}

Status XmlStream::feed(std::string_view chunk) {
  constexpr std::size_t kMostAtOnce = std::size_t{1} << 20;
  while (chunk.size() > kMostAtOnce) {
    TDKT_TRY(parse(chunk.substr(0, kMostAtOnce), false));
    chunk.remove_prefix(kMostAtOnce);
  }
  return parse(chunk, false);
}

Status XmlStream::finish() {
  return parse({}, true);
}

Status read_xml(std::string_view document, XmlHandler& handler, std::size_t max_depth,
                const XmlStream::Describe& describe) {
  XmlStream stream(handler, max_depth, describe);
  TDKT_TRY(stream.feed(document));
  return stream.finish();
}

}  // namespace tdkt::ooxml
