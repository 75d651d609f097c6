import datetime
from decimal import Decimal
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from insatsportal.interventions.models import Intervention
from insatsportal.participants.tests import factories
from insatsportal.reports.models import Requisition

pytestmark = pytest.mark.django_db


@pytest.fixture
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.QUARTERLY_REPORT_DAYS = 30


def _mail_to(username):
    return [m for m in mail.outbox if m.to == [f"{username}@demo.invalid"]]


@time_machine.travel(datetime.datetime(2024, 8, 15, 7, 0, tzinfo=datetime.UTC), tick=False)
def test_each_user_gets_what_is_due_for_them(demo, locmem):
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    Requisition.objects.create(intervention=intervention, member=intervention.owner, year=2024,
                               quarter=2, total=Decimal(1000))
    participant = factories.identified(name="Hemlig Person")
    factories.enrol(participant, enrolled_on=datetime.date(2024, 5, 1))  # no plan after 6 weeks
    out = StringIO()
    call_command("send_reminders", stdout=out)
    office = _mail_to("kansli")
    assert len(office) == 1
    assert "rekvisition" in office[0].body.lower()
    assert "/kvartal/2024/2/" in office[0].body  # the report is overdue (30 June + 30 days)
    owner = _mail_to("insatsansvarig")
    assert len(owner) == 1 and "/kvartal/2024/2/" in owner[0].body
    staff = _mail_to("deltagaransvarig")
    assert len(staff) == 1
    assert "Hemlig" not in staff[0].body and "19900101" not in staff[0].body
    assert _mail_to("rapportlasare") == []  # nothing waits for a report reader
    assert "sent" in out.getvalue()


@time_machine.travel(datetime.datetime(2024, 7, 5, 7, 0, tzinfo=datetime.UTC), tick=False)
def test_a_report_not_yet_overdue_reminds_the_owner_but_not_the_office(demo, locmem):
    call_command("send_reminders", stdout=StringIO())
    assert "/kvartal/2024/2/" in _mail_to("insatsansvarig")[0].body
    assert all("/kvartal/2024/2/" not in m.body for m in _mail_to("kansli"))


def test_a_user_is_mailed_again_only_when_something_new_became_due(demo, locmem):
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    # The demo's own requisitions were submitted today, after the days travelled to here.
    Requisition.objects.update(submitted_at=datetime.datetime(2024, 8, 1, tzinfo=datetime.UTC))
    with time_machine.travel(datetime.datetime(2024, 8, 15, 7, 0, tzinfo=datetime.UTC),
                             tick=False):
        Requisition.objects.create(intervention=intervention, member=intervention.owner,
                                   year=2024, quarter=2, total=Decimal(1000))
        call_command("send_reminders", stdout=StringIO())
        assert len(_mail_to("kansli")) == 1
        call_command("send_reminders", stdout=StringIO())  # the same day again
        assert len(_mail_to("kansli")) == 1
    with time_machine.travel(datetime.datetime(2024, 8, 16, 7, 0, tzinfo=datetime.UTC),
                             tick=False):
        call_command("send_reminders", stdout=StringIO())  # nothing new since yesterday
        assert len(_mail_to("kansli")) == 1
    with time_machine.travel(datetime.datetime(2024, 8, 19, 7, 0, tzinfo=datetime.UTC),
                             tick=False):
        Requisition.objects.create(intervention=intervention, member=intervention.owner,
                                   year=2024, quarter=3, total=Decimal(500))
        call_command("send_reminders", stdout=StringIO())
    office = _mail_to("kansli")
    assert len(office) == 2
    new, still = office[1].body.split("Väntar fortfarande")
    assert "rekvisitioner att godkänna" in new
    assert "/kvartal/2024/2/" in still  # overdue since 30 July: not new, still listed


def test_a_participant_step_is_mailed_on_the_day_it_falls_due(demo, locmem):
    participant = factories.identified(name="Hemlig Person")
    factories.enrol(participant, enrolled_on=datetime.date(2024, 5, 1))
    factories.plan(participant, established_on=datetime.date(2024, 5, 10))
    factories.rate(participant, rated_on=datetime.date(2024, 5, 10))
    with time_machine.travel(datetime.datetime(2024, 7, 1, 7, 0, tzinfo=datetime.UTC),
                             tick=False):
        call_command("send_reminders", stdout=StringIO())
        first = len(_mail_to("deltagaransvarig"))
    # The rating of 10 May is due again on 10 August, the plan revision on 10 August too.
    with time_machine.travel(datetime.datetime(2024, 8, 9, 7, 0, tzinfo=datetime.UTC),
                             tick=False):
        call_command("send_reminders", stdout=StringIO())
        assert len(_mail_to("deltagaransvarig")) == first
    with time_machine.travel(datetime.datetime(2024, 8, 10, 7, 0, tzinfo=datetime.UTC),
                             tick=False):
        call_command("send_reminders", stdout=StringIO())
    mails = _mail_to("deltagaransvarig")
    assert len(mails) == first + 1
    assert "steget vidare" in mails[-1].body.split("Väntar fortfarande")[0]
    assert "Hemlig" not in mails[-1].body


@time_machine.travel(datetime.datetime(2024, 8, 15, 7, 0, tzinfo=datetime.UTC), tick=False)
def test_the_run_queued_for_the_worker_sends_the_same_reminders(demo, locmem, settings):
    """--enqueue stores the run in the database queue; the worker's step runs it."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default"]}}
    Requisition.objects.create(intervention=Intervention.objects.get(
        name="En väg in – steget vidare"), member=Intervention.objects.get(
        name="En väg in – steget vidare").owner, year=2024, quarter=2, total=Decimal(1000))
    out = StringIO()
    call_command("send_reminders", "--enqueue", stdout=out)
    assert "queued" in out.getvalue() and mail.outbox == []
    queued = DBTaskResult.objects.get()
    Worker(queue_names=["default"], interval=0, batch=True, backend_name="default",
           startup_delay=False, max_tasks=None, worker_id="test",
           excluded_queue_names=[]).run_task(queued)
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL" and queued.return_value == len(mail.outbox) > 0
    assert len(_mail_to("kansli")) == 1
