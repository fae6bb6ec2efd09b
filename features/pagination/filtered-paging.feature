@area:PAGE
Feature: Paging through filtered and sorted lists
  A filter narrows a list before it is cut into pages: a page counts only the items that pass the
  filter, and none that do not. Paging through messages keeps the sort order and the time window asked
  for, which are sent again with each next token.

  @rule:PAGE-008
  Rule: Filters apply before paging

    # Channels and memberships are created alternately, one of each kind after the other, so that a list
    # cut into pages before it is filtered would show short pages.
    @op:ListChannels
    Example: Public channels, five at a time
      Given the AppInstance has 10 public and 10 private channels, created alternately
      When Carol pages through the public channels, 5 at a time
      Then the pages hold all 10 of them, each exactly once
      And the first page holds 5

    @op:ListChannels
    Example: Private channels, five at a time
      Given the AppInstance has 10 public and 10 private channels, created alternately
      When Ada pages through the private channels, 5 at a time
      Then the pages hold all 10 of them, each exactly once
      And the first page holds 5

    # Without a type filter, only default members are listed; hidden members are listed only when the
    # filter asks for them.
    @op:ListChannelMemberships
    Example: Memberships without a type filter, five at a time
      Given "lobby" has 10 members and 10 hidden members, added alternately
      When Ada pages through the memberships of "lobby", 5 at a time
      Then the pages hold all 10 of them, each exactly once
      And the first page holds 5

  @rule:PAGE-004 @op:ListChannelMessages
  Rule: Paging through messages keeps their order and time window

    Background:
      Given Alice has created the public channel "lobby"
      And Bob is a member of "lobby"
      And Bob has posted these messages in "lobby", one after another:
        | one   |
        | two   |
        | three |
        | four  |
        | five  |
        | six   |

    Example: Oldest first, two at a time, within a window
      When Bob pages through the messages in "lobby" oldest first, 2 at a time, with NotBefore between "one" and "two" and NotAfter between "five" and "six"
      Then he sees "two", "three", "four" and "five", in that order

    Example: Newest first, two at a time, within a window
      When Bob pages through the messages in "lobby" newest first, 2 at a time, with NotBefore between "one" and "two" and NotAfter between "five" and "six"
      Then he sees "five", "four", "three" and "two", in that order

    Example: Oldest first, one at a time
      When Bob pages through the messages in "lobby" oldest first, 1 at a time
      Then he sees "one", "two", "three", "four", "five" and "six", in that order
