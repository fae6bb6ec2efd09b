@area:IDEM @requires:wire
Feature: Client request tokens on the wire
  An SDK fills in the client request token of a new channel when its caller gives none; on the wire the
  token is required, and a raw request without one is refused. In a request, {{app-instance}} stands for
  the scenario's AppInstance; "When Alice sends" puts Alice's ARN in the x-amz-chime-bearer header.

  @rule:IDEM-002 @op:CreateChannel
  Rule: On the wire, a request to create a channel must carry a token

    Example: A raw request to create a channel without a token is refused
      When Alice sends the raw request "POST /channels" with the body:
        """
        {"AppInstanceArn": "{{app-instance}}", "Name": "lobby", "Mode": "UNRESTRICTED", "Privacy": "PUBLIC"}
        """
      Then the raw response status is 400
      And the raw response names the error type "BadRequestException"
