"""Channel-flow processor of chime-conformance: rewrites every message.

It answers the service with the content upper-cased and the metadata "rewritten-by-processor", as the
reference's rewrite processor does, so that a scenario can tell a processed message from the original.
The kit deploys it for one run and deletes it after.
"""
import boto3

REWRITTEN_METADATA = "rewritten-by-processor"

# Created once per execution environment, not per message.
_messaging = boto3.client("chime-sdk-messaging")


def handler(event, context):
    message = event["ChannelMessage"]
    answer = {"MessageId": message["MessageId"], "Metadata": REWRITTEN_METADATA}
    content = message.get("Content")
    if content is not None:
        answer["Content"] = content.upper()
    _messaging.channel_flow_callback(
        CallbackId=event["CallbackId"],
        ChannelArn=message["ChannelArn"],
        ChannelMessage=answer,
    )
