"""Blocks for lesson bodies and quiz questions.

Lessons reuse the site's ``BaseStreamBlock`` and add what teaching needs: a video (a link or a
same-site file, never an embed that calls out at run time) and a downloadable resource.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from cms.pages.blocks import BaseStreamBlock


class VideoBlock(blocks.StructBlock):
    url = blocks.CharBlock(
        label=_("Video address"),
        max_length=500,
        help_text=_(
            "A file on this site (starting with /) is played in the page; any other address is "
            "shown as a link."
        ),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    transcript = blocks.TextBlock(label=_("Transcript"), required=False)

    class Meta:
        icon = "media"
        template = "courses/blocks/video_block.html"
        preview_value = {"url": "https://video.example.org/care-systems", "title": "Care systems"}

    def clean(self, value):
        value = super().clean(value)
        url = value.get("url", "")
        if not (url.startswith("/") or url.startswith("https://")):
            raise StructBlockValidationError(
                {"url": ValidationError(_("Use an https:// address or a path on this site."))}
            )
        return value


class ResourceBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    description = blocks.TextBlock(label=_("What it is for"), required=False)

    class Meta:
        icon = "download"
        template = "courses/blocks/resource_block.html"


class LessonStreamBlock(BaseStreamBlock):
    video = VideoBlock()
    resource = ResourceBlock()


class AnswerChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)


class QuestionBlock(blocks.StructBlock):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            (SINGLE, _("Single choice")),
            (MULTIPLE, _("Multiple choice")),
            (TRUE_FALSE, _("True or false")),
        ],
        default=SINGLE,
    )
    text = blocks.TextBlock(label=_("Question"))
    choices = blocks.ListBlock(AnswerChoiceBlock(), label=_("Answers"), min_num=2)
    explanation = blocks.TextBlock(
        label=_("Explanation"), required=False, help_text=_("Shown after the attempt is graded.")
    )

    class Meta:
        icon = "help"
        template = "courses/blocks/question_block.html"

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if value["kind"] == self.TRUE_FALSE and len(value["choices"]) != 2:
            raise StructBlockValidationError(
                {"choices": ValidationError(_("A true-or-false question has exactly two answers."))}
            )
        if value["kind"] in (self.SINGLE, self.TRUE_FALSE) and correct != 1:
            raise StructBlockValidationError(
                {"choices": ValidationError(_("Mark exactly one answer as correct."))}
            )
        if value["kind"] == self.MULTIPLE and correct < 1:
            raise StructBlockValidationError(
                {"choices": ValidationError(_("Mark at least one answer as correct."))}
            )
        return value


class QuestionStreamBlock(blocks.StreamBlock):
    question = QuestionBlock()
