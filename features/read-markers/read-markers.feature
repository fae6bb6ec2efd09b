@area:READ
Feature: Read markers
  A member marks a channel as read, and the service records when. The read marker belongs to that
  member in that channel: it shows in the member's own view of the membership and in the list of the
  channels the member belongs to, and it only moves forward.

  Times are compared with the creation times of messages posted just before and just after, so the
  service's own clock is the measure.

  Background:
    Given Alice has created the public channel "lobby"
    And Bob is a member of "lobby"

  @rule:READ-001
  Rule: Marking a channel as read records the time for the member

    @op:UpdateChannelReadMarker
    Example: A member marks a channel as read
      When Bob marks "lobby" as read
      Then the read marker update names the channel "lobby"

    @op:DescribeChannelMembershipForAppInstanceUser
    Example: The read marker holds the time the channel was marked
      Given Alice has posted "before" in "lobby"
      And Bob has marked "lobby" as read
      And Alice has posted "after" in "lobby"
      When Bob looks up his membership of "lobby"
      Then his read marker falls between the posting of "before" and the posting of "after"

  @rule:READ-002 @op:ListChannelMembershipsForAppInstanceUser
  Rule: The list of a member's channels shows the read marker of each

    Example: A marked channel shows its read marker, an unmarked one none
      Given Alice has created the public channel "garden"
      And Bob is a member of "garden"
      And Bob has marked "lobby" as read
      When Bob lists his channel memberships with their read markers
      Then the listing shows a read marker for "lobby" and none for "garden"

  @rule:READ-003 @op:DescribeChannelMembershipForAppInstanceUser
  Rule: A read marker belongs to one member in one channel

    Example: Another member's marker in the same channel is untouched
      Given Bob has marked "lobby" as read
      When Alice looks up her membership of "lobby"
      Then the membership shows no read marker

    Example: The member's marker in another channel is untouched
      Given Alice has created the public channel "garden"
      And Bob is a member of "garden"
      And Bob has marked "lobby" as read
      When Bob looks up his membership of "garden"
      Then the membership shows no read marker

  @rule:READ-004 @op:DescribeChannelMembershipForAppInstanceUser
  Rule: A read marker only moves forward

    Example: Marking a channel again moves the marker to the later time
      Given Bob has marked "lobby" as read
      And Alice has posted "news" in "lobby"
      And Bob has marked "lobby" as read
      When Bob looks up his membership of "lobby"
      Then his read marker is no earlier than the posting of "news"

  @rule:READ-005 @op:UpdateChannelReadMarker
  Rule: Only members have a read marker

    Example: A user outside the channel cannot mark it as read
      When Carol marks "lobby" as read
      Then the request fails with ForbiddenException

    Example: A moderator who is not a member cannot mark it as read
      Given Max is a moderator of "lobby"
      When Max marks "lobby" as read
      Then the request fails with ForbiddenException
