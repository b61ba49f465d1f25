"""E-mail sent by the task worker, so that a slow or unreachable mail server never holds
up the editor whose action sent it (a review submitted, approved or sent back).

`BackgroundEmailBackend` queues each message as a task; the task hands it to the backend
named by EMAIL_DELIVERY_BACKEND (SMTP in production). With the immediate task backend of
development and tests, the message goes out at once.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from django_tasks import task


class BackgroundEmailBackend(BaseEmailBackend):
    """Queues messages for `deliver_email` instead of sending them in the request."""

    def send_messages(self, email_messages):
        for message in email_messages:
            if message.attachments:
                raise ValueError("Queued e-mails cannot carry attachments.")
            deliver_email.enqueue(
                {
                    "subject": message.subject,
                    "body": message.body,
                    "from_email": message.from_email,
                    "to": message.to,
                    "cc": message.cc,
                    "bcc": message.bcc,
                    "reply_to": message.reply_to,
                    "headers": message.extra_headers,
                    "alternatives": [
                        list(alternative) for alternative in getattr(message, "alternatives", [])
                    ],
                }
            )
        return len(email_messages)


@task()
def deliver_email(fields):
    alternatives = fields.pop("alternatives")
    message = EmailMultiAlternatives(
        connection=get_connection(settings.EMAIL_DELIVERY_BACKEND), **fields
    )
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    message.send()
