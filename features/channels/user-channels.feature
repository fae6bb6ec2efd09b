@area:CHAN
Feature: The channels of one AppInstanceUser
  Four operations look at channels from one AppInstanceUser's side: the channels a user is a member of
  (ListChannelMembershipsForAppInstanceUser), one of them in detail
  (DescribeChannelMembershipForAppInstanceUser), the channels a user moderates
  (ListChannelsModeratedByAppInstanceUser) and one of those in detail
  (DescribeChannelModeratedByAppInstanceUser). Only an AppInstanceAdmin may ask about the memberships of
  a user other than themselves.

  @rule:CHAN-025 @op:ListChannelMembershipsForAppInstanceUser
  Rule: A user's memberships list every channel the user belongs to, hidden or not

    Background:
      Given Alice has created the public channel "book-club"
      And Alice has created the private channel "diary"
      And Alice has created the public channel "chess"
      And Bob is a member of "book-club"

    Example: Default and hidden memberships are both listed
      Given Bob is a hidden member of "diary"
      When Ada lists the channels Bob is a member of
      Then exactly "book-club" and "diary" are listed
    Example: Without a user the caller's own memberships are listed
      When Bob lists the channels he is a member of
      Then exactly "book-club" is listed
    Example: Each membership summarises the channel and the kind of membership
      Given Bob is a hidden member of "diary"
      When Bob lists the channels he is a member of
      Then "diary" is listed with:
        | name            | diary        |
        | mode            | UNRESTRICTED |
        | privacy         | PRIVATE      |
        | membership type | HIDDEN       |

  @rule:AUTH-010 @op:ListChannelMembershipsForAppInstanceUser
  Rule: Only an AppInstanceAdmin may list the memberships of another user

    Background:
      Given Alice has created the public channel "book-club"
      And Bob is a member of "book-club"

    Example: A user may not list another user's memberships
      When Carol lists the channels Bob is a member of
      Then the request fails with ForbiddenException

    Example: A user may name themselves
      When Bob lists the channels Bob is a member of
      Then the request succeeds
      And exactly "book-club" is listed
    Example: An AppInstanceAdmin may list any user's memberships
      When Ada lists the channels Bob is a member of
      Then the request succeeds
      And exactly "book-club" is listed
  # Who may ask about another user's membership is not documented; these scenarios ask about the
  # caller's own, which is the case the documentation describes.
  @rule:CHAN-022 @op:DescribeChannelMembershipForAppInstanceUser
  Rule: A member's view of a channel summarises the channel and the membership

    Background:
      Given Alice has created the private channel "diary" with the metadata "private thoughts"

    Example: A member's view of a channel
      Given Bob is a member of "diary"
      When Bob describes "diary" through Bob's membership
      Then the channel summary shows:
        | channel         | diary            |
        | name            | diary            |
        | mode            | UNRESTRICTED     |
        | privacy         | PRIVATE          |
        | metadata        | private thoughts |
        | membership type | DEFAULT          |

    Example: A hidden member's view shows the hidden membership
      Given Hana is a hidden member of "diary"
      When Hana describes "diary" through Hana's membership
      Then the channel summary shows:
        | membership type | HIDDEN |

    # The error for a user without a membership is not documented, and the model lists no
    # NotFoundException for this operation (ERR-004).
    @assumption
    Example: A user without a membership has no member's view
      When Carol describes "diary" through Carol's membership
      Then the request fails with NotFoundException or ForbiddenException

  @rule:CHAN-023 @op:DescribeChannelModeratedByAppInstanceUser
  Rule: A moderator's view of a channel summarises the channel

    Background:
      Given Alice has created the private restricted channel "diary" with the metadata "private thoughts"

    Example: A moderator's view of a channel
      Given Max is a moderator of "diary"
      When Max describes "diary" as moderated by Max
      Then the channel summary shows:
        | channel  | diary            |
        | name     | diary            |
        | mode     | RESTRICTED       |
        | privacy  | PRIVATE          |
        | metadata | private thoughts |

    # The error is not documented, and the model lists no NotFoundException for this operation (ERR-004).
    @assumption
    Example: A former moderator has no moderator's view
      Given Max is a moderator of "diary"
      And Max is no longer a moderator of "diary"
      When Max describes "diary" as moderated by Max
      Then the request fails with NotFoundException or ForbiddenException

  @rule:CHAN-024 @op:ListChannelsModeratedByAppInstanceUser
  Rule: The channels a user moderates are exactly those where the user is a moderator

    Background:
      Given Alice has created the public channel "book-club"
      And Alice has created the private channel "diary"
      And Alice has created the public channel "chess"
      And Max is a moderator of "book-club"

    Example: Exactly the moderated channels are listed
      Given Max is a moderator of "diary"
      And Max is a member of "chess"
      When Ada lists the channels Max moderates
      Then exactly "book-club" and "diary" are listed
    Example: Without a user the caller's own moderated channels are listed
      When Max lists the channels he moderates
      Then exactly "book-club" is listed