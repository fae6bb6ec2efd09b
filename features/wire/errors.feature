@area:ERR @requires:wire
Feature: Errors on the wire
  An error travels as an HTTP status, the header x-amzn-ErrorType naming the exception, and a JSON body
  with the members Code, one of the documented error codes, and Message. SDKs find the exception by the
  header, so a body alone is not enough. In a request, {{channel:support}} stands for the ARN of the
  channel the scenario created under that name, percent-encoded in the path, as is in a body; {{token}}
  for a new client request token. "When Alice sends" puts Alice's ARN in the x-amz-chime-bearer header;
  "the developer" sends no bearer.

  Background:
    Given Alice has created the public channel "support"

  @rule:ERR-009 @op:SendChannelMessage
  Rule: An error names its exception in a header, and its code and message in the body

    Example: A bad request on the wire
      When Alice sends the raw request "POST /channels/{{channel:support}}/messages" with the body:
        """
        {"Content": "Hello", "Type": "URGENT", "Persistence": "PERSISTENT", "ClientRequestToken": "{{token}}"}
        """
      Then the raw response status is 400
      And the raw response names the error type "BadRequestException"
      And the raw response body has a documented error code under "Code" and a "Message"

  @rule:ERR-005 @assumption @op:TagResource
  Rule: An exceeded resource limit answers 400, like a bad request, and is told apart by its type
    # The limit of 50 tags per resource is the kit's own (TAG-006).

    Example: One tag too many on the wire
      Given "support" carries 50 tags
      When the developer sends the raw request "POST /tags?operation=tag-resource" with the body:
        """
        {"ResourceARN": "{{channel:support}}", "Tags": [{"Key": "one-more", "Value": "tag"}]}
        """
      Then the raw response status is 400
      And the raw response names the error type "ResourceLimitExceededException"
