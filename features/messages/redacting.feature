@area:MSG
Feature: Redacting messages
  A moderator can redact any message, a member the messages it sent. Redaction removes the content and
  the metadata of the message, and the message stays in the channel, where it was, marked as redacted.

  Background:
    Given Alice has created the public channel "lobby"
    And Bob is a member of "lobby"
    And Max is a moderator of "lobby"
    And Bob has posted "my password is hunter2" in "lobby" with the metadata:
      """
      {"thread":"logins"}
      """

  # The boto3 text the kit started from says "Redacts message content, but not metadata". The current API
  # Reference page and AWS CLI v2 reference say "Redacts message content and metadata"
  # (https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_messaging-chime_RedactChannelMessage.html,
  # https://docs.aws.amazon.com/cli/latest/reference/chime-sdk-messaging/redact-channel-message.html). The
  # newer source wins: the metadata goes with the content.
  @rule:MSG-018 @op:GetChannelMessage
  Rule: Redaction removes the content and the metadata

    Example: A redacted message has no content
      Given Max has redacted the message "my password is hunter2" in "lobby"
      When Bob gets the message "my password is hunter2" from "lobby"
      Then the message has no content and is marked redacted

    Example: A redacted message has no metadata
      Given Max has redacted the message "my password is hunter2" in "lobby"
      When Bob gets the message "my password is hunter2" from "lobby"
      Then the message's metadata is gone

  @rule:MSG-019
  Rule: A redacted message still exists

    @op:RedactChannelMessage
    Example: The redaction answers with the channel and the message
      When Max redacts the message "my password is hunter2" in "lobby"
      Then the redaction of "my password is hunter2" in "lobby" is confirmed

    @op:GetChannelMessage
    Example: A redacted message can still be read
      Given Max has redacted the message "my password is hunter2" in "lobby"
      When Alice gets the message "my password is hunter2" from "lobby"
      Then the request succeeds

  @rule:MSG-020 @op:ListChannelMessages
  Rule: Redacted messages are listed, empty, where they were

    Example: A redacted message keeps its place in the list
      Given Bob has posted these messages in "lobby", one after another:
        | oops, ignore that |
        | anyway, hi all    |
      And Max has redacted the message "my password is hunter2" in "lobby"
      When Alice lists the messages in "lobby" oldest first
      Then she sees "", "oops, ignore that" and "anyway, hi all", in that order
      And the message "my password is hunter2" is listed as redacted, with no content

    # "Listed as empty", and the current API Reference's "Redacts message content and metadata" (MSG-018):
    # the list shows neither.
    @rule:MSG-018
    Example: A redacted message is listed without its metadata
      Given Max has redacted the message "my password is hunter2" in "lobby"
      When Alice lists the messages in "lobby"
      Then the message "my password is hunter2" is listed without its metadata

  # The documentation does not say how the last-update time differs from the edit time; the kit
  # expects a redaction to move it forward, as an edit does.
  @rule:MSG-013 @assumption @op:GetChannelMessage
  Rule: A redaction moves the message's last-update time forward

    Example: A redacted message was last updated after it was created
      Given Max has redacted the message "my password is hunter2" in "lobby"
      When Alice gets the message "my password is hunter2" from "lobby"
      Then the message's last update time is later than its creation time
