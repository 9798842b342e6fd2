"""The support programme's value rules (plan, ratings, Phụ lục I and II, referrals, supervision) as they
apply to a row image that arrives by sync: the server runs these on what a device pushes
(sync/server/permissions.py `check_values`), with the domain's own checks and messages, so a target below
zero, a rating of 9, a referral without a reason or an action closed without evidence is refused there
too, not only in the window."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ytcs_desktop.domain.programme.common import non_negative
from ytcs_desktop.domain.programme.plan import COST_LABELS, TARGET_FIELDS
from ytcs_desktop.domain.programme.ratings import rating_value
from ytcs_desktop.domain.referrals import check_pushed
from ytcs_desktop.domain.supervision import check_pushed_finding
from ytcs_desktop.messages import msg

RowCheck = Callable[[Mapping[str, Any]], None]


def _activity(fields: Mapping[str, Any]) -> None:
    for name in TARGET_FIELDS:
        if name in fields:
            q = name[-1]
            non_negative(fields[name], name, msg("word.quarter_target", q=q), 100_000)
    for name, words in COST_LABELS.items():
        if name in fields:
            non_negative(fields[name], name, words)


def _rating(fields: Mapping[str, Any]) -> None:
    if "rating" in fields:
        rating_value(fields["rating"])


def _plan_item(fields: Mapping[str, Any]) -> None:
    if "head_count" in fields:
        non_negative(fields["head_count"], "head_count", msg("word.planned_head_count"), 100_000)


def _document(fields: Mapping[str, Any]) -> None:
    if "forms_guided" in fields:
        non_negative(fields["forms_guided"], "forms_guided", msg("word.number_of_forms_guided"),
                     10_000)


# table -> the check of a pushed row's fields (raises the domain's ValidationError)
ROW_CHECKS: dict[str, RowCheck] = {
    "referrals": check_pushed,
    "supervision_findings": check_pushed_finding,
    "plan_activities": _activity,
    "activity_ratings": _rating,
    "training_plan_items": _plan_item,
    "rolled_out_documents": _document,
}
