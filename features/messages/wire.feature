@area:MSG @requires:wire
Feature: Message summaries on the wire
  A listed message is a summary: unlike a message read on its own, it carries no persistence setting. A
  Java client cannot tell a member its model lacks from a missing one, so this is checked on the raw
  response. In a request, {{channel:lobby}} stands for the ARN of the channel the scenario created under
  that name, percent-encoded in the path; "When Alice sends" puts Alice's ARN in the x-amz-chime-bearer
  header.

  Background:
    Given Alice has created the public channel "lobby"
    And Alice has posted "Hello" in "lobby"

  @rule:MSG-025 @op:ListChannelMessages
  Rule: A listed message carries no persistence setting

    Example: The summary of a persistent message on the wire
      When Alice sends the raw request "GET /channels/{{channel:lobby}}/messages"
      Then the raw response status is 200
      And the raw response body has "ChannelMessages.0.Content" equal to "Hello"
      And the raw response body has no member "ChannelMessages.0.Persistence"
