#pragma once
// tdkt's own view of an HTTP request, independent of the server library that read it. The server
// fills it once the request is complete and within its limits; handlers and tests see only this.

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tdkt::http {

struct HttpRequest {
  std::string method;                                        // "GET", "POST", …
  std::string target;                                        // as sent: the path and the query string
  std::string path;                                          // the path, percent-decoded
  std::multimap<std::string, std::string> query;             // the query parameters, decoded
  std::vector<std::pair<std::string, std::string>> headers;  // as sent, in order
  std::string body;
  std::string peer_address;     // the socket peer
  std::string client_address;   // the client: the last hop of X-Forwarded-For when the peer is a trusted proxy
  std::string scheme = "http";  // "https" when a trusted proxy says it received the request over TLS

  // The first header of that name (case-insensitive), or "".
  std::string header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
      if (std::equal(key.begin(), key.end(), name.begin(), name.end(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
          })) {
        return value;
      }
    }
    return {};
  }
  bool has_param(const std::string& name) const { return query.count(name) > 0; }
  // The first value of a query parameter, or "".
  std::string param(const std::string& name) const {
    auto found = query.find(name);
    return found == query.end() ? std::string() : found->second;
  }
};

// Decodes %XX and, in query strings, '+' as a space. Invalid escapes are kept as written.
std::string percent_decode(std::string_view text, bool plus_is_space);
// Encodes everything but unreserved characters (RFC 3986), for a query parameter's value.
std::string percent_encode(std::string_view text);
// "a=1&b=x%20y" -> {a: 1, b: "x y"}
std::multimap<std::string, std::string> parse_query(std::string_view query);

}  // namespace tdkt::http
