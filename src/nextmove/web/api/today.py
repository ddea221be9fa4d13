"""/api/today: the daily digest, as `nextmove today --json`."""

from __future__ import annotations

from fastapi import APIRouter

from nextmove.formats.digest_json import today_json
from nextmove.formats.schemas.board import TodayPublic
from nextmove.services import today as today_service
from nextmove.web.clock import moment
from nextmove.web.deps import DbDep, NowDep, SettingsDep, TodayDep

router = APIRouter(tags=["today"])


@router.get("/today", response_model=TodayPublic, summary="Today's digest (as `today --json`)")
def get_today(db: DbDep, settings: SettingsDep, today: TodayDep, now: NowDep) -> TodayPublic:
    digest = today_service.build_digest(
        db, settings=settings, today=today, now=moment(today, now, settings.timezone)
    )
    return today_json(digest)
