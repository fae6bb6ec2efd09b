@area:MSG
Feature: Listing messages
  Listing the messages of a channel returns them sorted by the time they were created, newest first
  unless the reader asks for oldest first, and can be narrowed to a window of creation times with
  NotBefore and NotAfter. A message keeps its place when it is edited.

  The messages below are posted one after another, so that each was created at a later moment than the
  one before it; time bounds are placed between two of those moments, never at one of them.

  Background:
    Given Alice has created the public channel "lobby"
    And Bob is a member of "lobby"
    And Bob has posted these messages in "lobby", one after another:
      | one   |
      | two   |
      | three |
      | four  |
      | five  |

  @rule:MSG-021 @op:ListChannelMessages
  Rule: By default, the newest message comes first

    Example: Messages listed without a sort order
      When Alice lists the messages in "lobby"
      Then she sees "five", "four", "three", "two" and "one", in that order

  @rule:MSG-022 @op:ListChannelMessages
  Rule: Messages are sorted by creation time, in the order asked for

    Example: Oldest first
      When Alice lists the messages in "lobby" oldest first
      Then she sees "one", "two", "three", "four" and "five", in that order

    Example: Newest first
      When Alice lists the messages in "lobby" newest first
      Then she sees "five", "four", "three", "two" and "one", in that order

    Example: An edit does not move a message
      Given Bob has edited "two" to read "two, edited"
      When Alice lists the messages in "lobby" oldest first
      Then she sees "one", "two, edited", "three", "four" and "five", in that order

  @rule:MSG-023 @op:ListChannelMessages
  Rule: NotBefore leaves out messages created before it

    Example: Messages not before a moment between the second and the third
      When Alice lists the messages in "lobby" with NotBefore between "two" and "three"
      Then she sees only "three", "four" and "five"

    Example: Oldest first, messages not before a moment between the second and the third
      When Alice lists the messages in "lobby" oldest first with NotBefore between "two" and "three"
      Then she sees "three", "four" and "five", in that order

  @rule:MSG-024 @op:ListChannelMessages
  Rule: NotAfter leaves out messages created after it; with NotBefore, it selects a window

    Example: Messages not after a moment between the third and the fourth
      When Alice lists the messages in "lobby" with NotAfter between "three" and "four"
      Then she sees only "one", "two" and "three"

    Example: Messages within a window
      When Alice lists the messages in "lobby" with NotBefore between "one" and "two" and NotAfter between "four" and "five"
      Then she sees only "two", "three" and "four"

    Example: Oldest first, messages not after a moment between the third and the fourth
      When Alice lists the messages in "lobby" oldest first with NotAfter between "three" and "four"
      Then she sees "one", "two" and "three", in that order

    Example: Oldest first, messages within a window
      When Alice lists the messages in "lobby" oldest first with NotBefore between "one" and "two" and NotAfter between "four" and "five"
      Then she sees "two", "three" and "four", in that order

    # The documentation does not say what a window whose start is after its end selects; the kit
    # expects nothing, rather than an error.
    @assumption
    Example: A window that ends before it starts selects nothing
      When Alice lists the messages in "lobby" with NotBefore between "four" and "five" and NotAfter between "one" and "two"
      Then she sees no messages

    @assumption
    Example: Oldest first, a window that ends before it starts selects nothing
      When Alice lists the messages in "lobby" oldest first with NotBefore between "four" and "five" and NotAfter between "one" and "two"
      Then she sees no messages

  @rule:MSG-025 @op:ListChannelMessages
  Rule: A listing names its channel and summarises each message
    # That summaries carry no persistence setting is checked on the raw response (wire.feature).

    Example: The summary of an edited message with metadata
      Given Bob has posted "Agenda" in "lobby" with the metadata:
        """
        {"room":"4B"}
        """
      And Bob has edited "Agenda" to read "Agenda, v2"
      When Alice lists the messages in "lobby"
      Then the list names the channel "lobby"
      And the summary of "Agenda" shows its ID, content, metadata, type, sender, redaction, status, and creation, update and edit times
