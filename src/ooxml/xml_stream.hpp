#pragma once
// XML read as a stream (SAX, on expat: docs/adr/0012-streamed-office-files.md): the document is
// fed in chunks and the handler sees each start tag, end tag and piece of text as it is parsed.
// Nothing of the document is kept but expat's stack of open elements, which the depth limit
// bounds, and the token being read. So memory does not grow with the document, and a handler that
// builds something checks its own limits as it goes.
//
// What XML may not do here: declare a DOCTYPE (Office Open XML never does, and entity
// declarations are how an "entity expansion" bomb works), or nest deeper than the limit (checked
// on every start tag; nothing recurses on depth). Namespaces are not resolved: names arrive as
// written ("x:row"), and local_name() strips the prefix.
//
// Not thread-safe: one XmlStream per thread.

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "core/result.hpp"

namespace tdkt::ooxml {

// "row" for "x:row" and for "row".
std::string_view local_name(std::string_view name);

// The attributes of a start tag, valid during the handler's call only.
class XmlAttributes {
 public:
  explicit XmlAttributes(const char** pairs) : pairs_(pairs) {}

  // The value of the attribute named exactly `name` ("r", "r:id"); empty when absent.
  std::string_view get(std::string_view name) const;
  bool has(std::string_view name) const;
  // The value of the first attribute with a prefix whose local name is `local` ("r:id" or "rel:id"
  // for "id"); empty when absent.
  std::string_view prefixed(std::string_view local) const;

 private:
  const char** pairs_;  // name, value, name, value, ..., nullptr (expat's layout)
};

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `depth` is 1 for the root element. An error stops the parse and is what feed() returns.
  virtual Status start(std::string_view name, const XmlAttributes& attributes, std::size_t depth) = 0;
  virtual Status end(std::string_view name, std::size_t depth) = 0;
  // Character data (text and CDATA, entities resolved), in pieces of any size, UTF-8.
  virtual Status text(std::string_view piece) = 0;
};

// Why the XML itself was refused.
enum class XmlFault {
  kMalformed,  // not well-formed XML, or in an encoding expat does not read
  kTooDeep,    // more open elements than the limit
  kDoctype,    // a DOCTYPE declaration
};

class XmlStream {
 public:
  // How an XmlFault becomes an Error: the caller names its part in its own words. `offset` is the
  // byte offset in the document where the fault was found.
  using Describe = std::function<Error(XmlFault fault, std::uint64_t offset)>;

  XmlStream(XmlHandler& handler, std::size_t max_depth, Describe describe);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Parses the next piece of the document. The first error (the handler's, or a fault) is returned
  // from this call and every later one.
  Status feed(std::string_view chunk);
  // Ends the document: an error if it is incomplete (no root, an element left open).
  Status finish();

 private:
  struct State;
  Status parse(std::string_view chunk, bool last);
  std::unique_ptr<State> state_;
};

// Parses a document held in memory, in chunks.
Status read_xml(std::string_view document, XmlHandler& handler, std::size_t max_depth,
                const XmlStream::Describe& describe);

}  // namespace tdkt::ooxml
