@area:PAGE
Feature: Paging through lists
  Every list operation returns its items a page at a time. The caller says how many items a page may
  hold, 1 to 50, and follows the next token of each page to the page after it; the last page carries
  no next token. Followed to the end, the pages hold every item exactly once, whatever the number of
  items and the size of the pages.

  The lists below are: the bans of a channel, the channel flows of an AppInstance, the memberships of a
  channel, the channels a user belongs to, the messages of a channel, the moderators of a channel, the
  public channels of an AppInstance, the channels associated with a channel flow, and the channels a
  user moderates. Each scenario starts from an empty list and fills it with exactly the number of items
  it names.

  @rule:PAGE-001 @rule:PAGE-002 @rule:PAGE-003
  Rule: Following the next token to the end yields every item exactly once, in pages no larger than asked

    Scenario Outline: <list> holding <total>, read <size> at a time
      Given <list> total <total>
      When <reader> pages through <list>, <size> at a time
      Then the pages hold all <total> of them, each exactly once
      And no page holds more than <size>

      @op:ListChannelBans
      Examples: Bans
        | list                | reader | total | size |
        | the bans in "lobby" | Ada    | 0     | 3    |
        | the bans in "lobby" | Ada    | 1     | 3    |
        | the bans in "lobby" | Ada    | 3     | 3    |
        | the bans in "lobby" | Ada    | 4     | 3    |
        | the bans in "lobby" | Ada    | 2     | 1    |
        | the bans in "lobby" | Ada    | 51    | 50   |

      @op:ListChannelFlows
      Examples: Channel flows
        | list                                 | reader | total | size |
        | the channel flows of the AppInstance | Ada    | 0     | 3    |
        | the channel flows of the AppInstance | Ada    | 1     | 3    |
        | the channel flows of the AppInstance | Ada    | 3     | 3    |
        | the channel flows of the AppInstance | Ada    | 4     | 3    |
        | the channel flows of the AppInstance | Ada    | 2     | 1    |
        | the channel flows of the AppInstance | Ada    | 51    | 50   |

      @op:ListChannelMemberships
      Examples: Memberships of a channel
        | list                       | reader | total | size |
        | the memberships of "lobby" | Ada    | 0     | 3    |
        | the memberships of "lobby" | Ada    | 1     | 3    |
        | the memberships of "lobby" | Ada    | 3     | 3    |
        | the memberships of "lobby" | Ada    | 4     | 3    |
        | the memberships of "lobby" | Ada    | 2     | 1    |
        | the memberships of "lobby" | Ada    | 51    | 50   |

      @op:ListChannelMembershipsForAppInstanceUser
      Examples: Channels a user belongs to
        | list                           | reader | total | size |
        | the channel memberships of Bob | Bob    | 0     | 3    |
        | the channel memberships of Bob | Bob    | 1     | 3    |
        | the channel memberships of Bob | Bob    | 3     | 3    |
        | the channel memberships of Bob | Bob    | 4     | 3    |
        | the channel memberships of Bob | Bob    | 2     | 1    |
        | the channel memberships of Bob | Bob    | 51    | 50   |

      @op:ListChannelMessages
      Examples: Messages
        | list                    | reader | total | size |
        | the messages in "lobby" | Bob    | 0     | 3    |
        | the messages in "lobby" | Bob    | 1     | 3    |
        | the messages in "lobby" | Bob    | 3     | 3    |
        | the messages in "lobby" | Bob    | 4     | 3    |
        | the messages in "lobby" | Bob    | 2     | 1    |
        | the messages in "lobby" | Bob    | 51    | 50   |

      @op:ListChannelModerators
      Examples: Moderators
        | list                      | reader | total | size |
        | the moderators of "lobby" | Ada    | 0     | 3    |
        | the moderators of "lobby" | Ada    | 1     | 3    |
        | the moderators of "lobby" | Ada    | 3     | 3    |
        | the moderators of "lobby" | Ada    | 4     | 3    |
        | the moderators of "lobby" | Ada    | 2     | 1    |
        | the moderators of "lobby" | Ada    | 51    | 50   |

      @op:ListChannels
      Examples: Channels
        | list                | reader | total | size |
        | the public channels | Ada    | 0     | 3    |
        | the public channels | Ada    | 1     | 3    |
        | the public channels | Ada    | 3     | 3    |
        | the public channels | Ada    | 4     | 3    |
        | the public channels | Ada    | 2     | 1    |
        | the public channels | Ada    | 51    | 50   |

      @op:ListChannelsAssociatedWithChannelFlow
      Examples: Channels associated with a flow
        | list                                | reader | total | size |
        | the channels associated with "tidy" | Ada    | 0     | 3    |
        | the channels associated with "tidy" | Ada    | 1     | 3    |
        | the channels associated with "tidy" | Ada    | 3     | 3    |
        | the channels associated with "tidy" | Ada    | 4     | 3    |
        | the channels associated with "tidy" | Ada    | 2     | 1    |
        | the channels associated with "tidy" | Ada    | 51    | 50   |

      @op:ListChannelsModeratedByAppInstanceUser
      Examples: Channels a user moderates
        | list                          | reader | total | size |
        | the channels moderated by Max | Max    | 0     | 3    |
        | the channels moderated by Max | Max    | 1     | 3    |
        | the channels moderated by Max | Max    | 3     | 3    |
        | the channels moderated by Max | Max    | 4     | 3    |
        | the channels moderated by Max | Max    | 2     | 1    |
        | the channels moderated by Max | Max    | 51    | 50   |

  # A page that ends the list is the last one: a next token on it would promise items that do not
  # exist. The rows end on a page that is not full, so that a list whose size is a multiple of the
  # page size is not asked about.
  @rule:PAGE-002
  Rule: A page carries a next token only while items remain after it

    Scenario Outline: <list> holding <total>, read <size> at a time, comes in <pages>
      Given <list> total <total>
      When <reader> pages through <list>, <size> at a time
      Then the items came in <pages>

      @op:ListChannelBans
      Examples: Bans
        | list                | reader | total | size | pages   |
        | the bans in "lobby" | Ada    | 1     | 3    | 1 page  |
        | the bans in "lobby" | Ada    | 4     | 3    | 2 pages |
        | the bans in "lobby" | Ada    | 51    | 50   | 2 pages |

      @op:ListChannelFlows
      Examples: Channel flows
        | list                                 | reader | total | size | pages   |
        | the channel flows of the AppInstance | Ada    | 1     | 3    | 1 page  |
        | the channel flows of the AppInstance | Ada    | 4     | 3    | 2 pages |
        | the channel flows of the AppInstance | Ada    | 51    | 50   | 2 pages |

      @op:ListChannelMemberships
      Examples: Memberships of a channel
        | list                       | reader | total | size | pages   |
        | the memberships of "lobby" | Ada    | 1     | 3    | 1 page  |
        | the memberships of "lobby" | Ada    | 4     | 3    | 2 pages |
        | the memberships of "lobby" | Ada    | 51    | 50   | 2 pages |

      @op:ListChannelMembershipsForAppInstanceUser
      Examples: Channels a user belongs to
        | list                           | reader | total | size | pages   |
        | the channel memberships of Bob | Bob    | 1     | 3    | 1 page  |
        | the channel memberships of Bob | Bob    | 4     | 3    | 2 pages |
        | the channel memberships of Bob | Bob    | 51    | 50   | 2 pages |

      @op:ListChannelMessages
      Examples: Messages
        | list                    | reader | total | size | pages   |
        | the messages in "lobby" | Bob    | 1     | 3    | 1 page  |
        | the messages in "lobby" | Bob    | 4     | 3    | 2 pages |
        | the messages in "lobby" | Bob    | 51    | 50   | 2 pages |

      @op:ListChannelModerators
      Examples: Moderators
        | list                      | reader | total | size | pages   |
        | the moderators of "lobby" | Ada    | 1     | 3    | 1 page  |
        | the moderators of "lobby" | Ada    | 4     | 3    | 2 pages |
        | the moderators of "lobby" | Ada    | 51    | 50   | 2 pages |

      @op:ListChannels
      Examples: Channels
        | list                | reader | total | size | pages   |
        | the public channels | Ada    | 1     | 3    | 1 page  |
        | the public channels | Ada    | 4     | 3    | 2 pages |
        | the public channels | Ada    | 51    | 50   | 2 pages |

      @op:ListChannelsAssociatedWithChannelFlow
      Examples: Channels associated with a flow
        | list                                | reader | total | size | pages   |
        | the channels associated with "tidy" | Ada    | 1     | 3    | 1 page  |
        | the channels associated with "tidy" | Ada    | 4     | 3    | 2 pages |
        | the channels associated with "tidy" | Ada    | 51    | 50   | 2 pages |

      @op:ListChannelsModeratedByAppInstanceUser
      Examples: Channels a user moderates
        | list                          | reader | total | size | pages   |
        | the channels moderated by Max | Max    | 1     | 3    | 1 page  |
        | the channels moderated by Max | Max    | 4     | 3    | 2 pages |
        | the channels moderated by Max | Max    | 51    | 50   | 2 pages |

  @rule:PAGE-001 @model
  Rule: A page holds at most 50 items, and at least 1
    # The documentation gives no bounds; the service model takes a page size of 1 to 50.

    Scenario Outline: A page size of <size> is refused for <list>
      Given <list> total 1
      When <reader> pages through <list>, <size> at a time
      Then the request fails with BadRequestException

      @op:ListChannelBans
      Examples: Bans
        | list                | reader | size |
        | the bans in "lobby" | Ada    | 0    |
        | the bans in "lobby" | Ada    | 51   |

      @op:ListChannelFlows
      Examples: Channel flows
        | list                                 | reader | size |
        | the channel flows of the AppInstance | Ada    | 0    |
        | the channel flows of the AppInstance | Ada    | 51   |

      @op:ListChannelMemberships
      Examples: Memberships of a channel
        | list                       | reader | size |
        | the memberships of "lobby" | Ada    | 0    |
        | the memberships of "lobby" | Ada    | 51   |

      @op:ListChannelMembershipsForAppInstanceUser
      Examples: Channels a user belongs to
        | list                           | reader | size |
        | the channel memberships of Bob | Bob    | 0    |
        | the channel memberships of Bob | Bob    | 51   |

      @op:ListChannelMessages
      Examples: Messages
        | list                    | reader | size |
        | the messages in "lobby" | Bob    | 0    |
        | the messages in "lobby" | Bob    | 51   |

      @op:ListChannelModerators
      Examples: Moderators
        | list                      | reader | size |
        | the moderators of "lobby" | Ada    | 0    |
        | the moderators of "lobby" | Ada    | 51   |

      @op:ListChannels
      Examples: Channels
        | list                | reader | size |
        | the public channels | Ada    | 0    |
        | the public channels | Ada    | 51   |

      @op:ListChannelsAssociatedWithChannelFlow
      Examples: Channels associated with a flow
        | list                                | reader | size |
        | the channels associated with "tidy" | Ada    | 0    |
        | the channels associated with "tidy" | Ada    | 51   |

      @op:ListChannelsModeratedByAppInstanceUser
      Examples: Channels a user moderates
        | list                          | reader | size |
        | the channels moderated by Max | Max    | 0    |
        | the channels moderated by Max | Max    | 51   |

  # The documentation does not say how the service answers a next token it never issued; the kit
  # expects the request to be refused as invalid input.
  @rule:PAGE-005 @assumption
  Rule: Only a next token the service issued leads anywhere

    Scenario Outline: A made-up next token is refused for <list>
      Given <list> total 3
      When <reader> asks for <list> with a next token the service never issued
      Then the request fails with BadRequestException

      @op:ListChannelBans
      Examples: Bans
        | list                | reader |
        | the bans in "lobby" | Ada    |

      @op:ListChannelFlows
      Examples: Channel flows
        | list                                 | reader |
        | the channel flows of the AppInstance | Ada    |

      @op:ListChannelMemberships
      Examples: Memberships of a channel
        | list                       | reader |
        | the memberships of "lobby" | Ada    |

      @op:ListChannelMembershipsForAppInstanceUser
      Examples: Channels a user belongs to
        | list                           | reader |
        | the channel memberships of Bob | Bob    |

      @op:ListChannelMessages
      Examples: Messages
        | list                    | reader |
        | the messages in "lobby" | Bob    |

      @op:ListChannelModerators
      Examples: Moderators
        | list                      | reader |
        | the moderators of "lobby" | Ada    |

      @op:ListChannels
      Examples: Channels
        | list                | reader |
        | the public channels | Ada    |

      @op:ListChannelsAssociatedWithChannelFlow
      Examples: Channels associated with a flow
        | list                                | reader |
        | the channels associated with "tidy" | Ada    |

      @op:ListChannelsModeratedByAppInstanceUser
      Examples: Channels a user moderates
        | list                          | reader |
        | the channels moderated by Max | Max    |

  # A next token is the service's own: one that a client changed was never issued, whatever it looks like.
  @rule:PAGE-005 @assumption
  Rule: A next token the client has altered leads nowhere

    Scenario Outline: A next token altered by the client is refused for <list>
      Given <list> total 3
      When <reader> asks for <list> with a next token it has altered
      Then the request fails with BadRequestException

      @op:ListChannelBans
      Examples: Bans
        | list                | reader |
        | the bans in "lobby" | Ada    |

      @op:ListChannelFlows
      Examples: Channel flows
        | list                                 | reader |
        | the channel flows of the AppInstance | Ada    |

      @op:ListChannelMemberships
      Examples: Memberships of a channel
        | list                       | reader |
        | the memberships of "lobby" | Ada    |

      @op:ListChannelMembershipsForAppInstanceUser
      Examples: Channels a user belongs to
        | list                           | reader |
        | the channel memberships of Bob | Bob    |

      @op:ListChannelMessages
      Examples: Messages
        | list                    | reader |
        | the messages in "lobby" | Bob    |

      @op:ListChannelModerators
      Examples: Moderators
        | list                      | reader |
        | the moderators of "lobby" | Ada    |

      @op:ListChannels
      Examples: Channels
        | list                | reader |
        | the public channels | Ada    |

      @op:ListChannelsAssociatedWithChannelFlow
      Examples: Channels associated with a flow
        | list                                | reader |
        | the channels associated with "tidy" | Ada    |

      @op:ListChannelsModeratedByAppInstanceUser
      Examples: Channels a user moderates
        | list                          | reader |
        | the channels moderated by Max | Max    |

  # The documentation gives no default page size; the kit asserts none, only that paging with the
  # default still yields every item exactly once.
  @rule:PAGE-007 @assumption
  Rule: Without a page size, the pages still hold every item exactly once

    Scenario Outline: <list> holding <total>, read without a page size
      Given <list> total <total>
      When <reader> pages through <list> without giving a page size
      Then the pages hold all <total> of them, each exactly once

      @op:ListChannelBans
      Examples: Bans
        | list                | reader | total |
        | the bans in "lobby" | Ada    | 51    |

      @op:ListChannelFlows
      Examples: Channel flows
        | list                                 | reader | total |
        | the channel flows of the AppInstance | Ada    | 51    |

      @op:ListChannelMemberships
      Examples: Memberships of a channel
        | list                       | reader | total |
        | the memberships of "lobby" | Ada    | 51    |

      @op:ListChannelMembershipsForAppInstanceUser
      Examples: Channels a user belongs to
        | list                           | reader | total |
        | the channel memberships of Bob | Bob    | 51    |

      @op:ListChannelMessages
      Examples: Messages
        | list                    | reader | total |
        | the messages in "lobby" | Bob    | 51    |

      @op:ListChannelModerators
      Examples: Moderators
        | list                      | reader | total |
        | the moderators of "lobby" | Ada    | 51    |

      @op:ListChannels
      Examples: Channels
        | list                | reader | total |
        | the public channels | Ada    | 51    |

      @op:ListChannelsAssociatedWithChannelFlow
      Examples: Channels associated with a flow
        | list                                | reader | total |
        | the channels associated with "tidy" | Ada    | 51    |

      @op:ListChannelsModeratedByAppInstanceUser
      Examples: Channels a user moderates
        | list                          | reader | total |
        | the channels moderated by Max | Max    | 51    |
