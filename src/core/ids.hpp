#pragma once
// Strong ids: a PersonId is not a UnitId, and neither is a raw integer.

#include <compare>
#include <cstdint>
#include <functional>

namespace tdkt {

template <typename Tag>
struct Id {
  std::int64_t value = 0;
  constexpr explicit Id(std::int64_t v = 0) : value(v) {}
  friend constexpr auto operator<=>(Id, Id) = default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 bug
};

using UnitId = Id<struct UnitTag>;
using PersonId = Id<struct PersonTag>;
using MembershipId = Id<struct MembershipTag>;
using RestructuringId = Id<struct RestructuringTag>;
using BlocId = Id<struct BlocTag>;
using InitiativeId = Id<struct InitiativeTag>;
using GrantId = Id<struct GrantTag>;
using DocumentId = Id<struct DocumentTag>;
using MovementId = Id<struct MovementTag>;
using CampaignId = Id<struct CampaignTag>;
using RegistrationId = Id<struct RegistrationTag>;
using TargetId = Id<struct TargetTag>;
using AttachmentId = Id<struct AttachmentTag>;
using ReviewId = Id<struct ReviewTag>;
using NominationId = Id<struct NominationTag>;
using CouncilId = Id<struct CouncilTag>;
using SessionId = Id<struct SessionTag>;
using DecisionId = Id<struct DecisionTag>;
using ProposalId = Id<struct ProposalTag>;
using ComplaintId = Id<struct ComplaintTag>;

}  // namespace tdkt

template <typename Tag>
struct std::hash<tdkt::Id<Tag>> {
  std::size_t operator()(tdkt::Id<Tag> id) const noexcept { return std::hash<std::int64_t>{}(id.value); }
};
