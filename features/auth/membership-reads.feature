@area:AUTH
Feature: Who may read the memberships of a channel
  Anyone in the AppInstance may list and describe the memberships of a public channel. Those of a
  private channel are for its members, its moderators and AppInstanceAdmins: a user outside it is
  refused, as the Developer Guide's table of permissions by role says ("You can only get details for
  public channels").

  @rule:AUTH-028
  Rule: A user outside a channel reads the memberships of a public channel only

    Background:
      Given Alice has created the public channel "club"
      And Alice has created the private channel "diary"
      And Bob is a member of "club"
      And Bob is a member of "diary"

    @op:ListChannelMemberships
    Example: A user outside a public channel lists its members
      When Carol lists the members of "club"
      Then the request succeeds
      And the members listed include Alice and Bob

    @op:DescribeChannelMembership
    Example: A user outside a public channel describes a membership
      When Carol describes the membership of Bob in "club"
      Then the membership shows:
        | member  | Bob  |
        | channel | club |

    @op:ListChannelMemberships
    Example: A user outside a private channel may not list its members
      When Carol lists the members of "diary"
      Then the request fails with ForbiddenException

    @op:DescribeChannelMembership
    Example: A user outside a private channel may not describe a membership
      When Carol describes the membership of Bob in "diary"
      Then the request fails with ForbiddenException

    @op:ListChannelMemberships
    Example: A member of a private channel lists its members
      When Bob lists the members of "diary"
      Then the request succeeds
      And the members listed include Alice and Bob
