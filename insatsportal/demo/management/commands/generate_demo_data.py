import datetime

from django.core.management.base import BaseCommand, CommandError

from insatsportal.demo.generate import fiction
from insatsportal.demo.generate.services import DemoDataError, demo_data_generate


class Command(BaseCommand):
    help = (
        "Generate fictional demo participants with enrolments, action plans, progress "
        "ratings, activities, discharges and follow-ups. The names are invented (words such "
        "as Test, Prov, Påhitt, Låtsas) and the identity numbers are samordningsnummer "
        f"(day of birth + {fiction.COORDINATION_DAY_OFFSET}) in the individual-number series "
        f"{fiction.SERIAL_FIRST}–{fiction.SERIAL_FIRST + 19} with a correct check digit, for "
        f"people aged {fiction.MIN_AGE}–{fiction.MAX_AGE} at enrolment; every record is marked "
        "with its seed. The same seed gives the same people; a seed already generated is "
        "skipped. Needs DEMO_MODE=1 (or --force) and is refused with APP_ENV=production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--participants", type=int, default=300,
                            help="Number of participants to make (default 300).")
        parser.add_argument("--seed", type=int, default=1,
                            help="Random seed; the same seed gives the same data (default 1).")
        parser.add_argument("--interventions", type=int, default=0, metavar="K",
                            help="Also make K interventions 'Testinsats 01'… owned by the demo "
                                 "kommuner, with grants around today's date.")
        parser.add_argument("--activities-per-participant", type=int, default=10, metavar="A",
                            help="Activities per participant on average (default 10).")
        parser.add_argument("--ratings-per-participant", type=int, default=3, metavar="R",
                            help="At most R progress ratings per participant (default 3).")
        parser.add_argument("--rating-months", type=int, default=None, metavar="M",
                            help="Months between a participant's ratings (default "
                                 "RATING_INTERVAL_MONTHS, 3).")
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None,
                            help="The date the data is generated as of (default today); give "
                                 "it to reproduce a run of another day.")
        parser.add_argument("--force", action="store_true",
                            help="Run without DEMO_MODE (never with APP_ENV=production).")

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 1
        try:
            result = demo_data_generate(
                participants=options["participants"], seed=options["seed"],
                interventions_count=options["interventions"],
                activities_per_participant=options["activities_per_participant"],
                ratings_per_participant=options["ratings_per_participant"],
                rating_months=options["rating_months"],
                today=options["today"], force=options["force"],
                progress=self.stdout.write if verbose else None,
            )
        except DemoDataError as exc:
            raise CommandError(str(exc)) from exc
        if not result.created:
            self.stdout.write(
                f"Seed {result.seed} is already generated "
                f"({result.counts['participants']} participants); nothing changed.")
            return
        details = ", ".join(f"{n} {what}" for what, n in result.counts.items())
        participants = result.counts.get("participants", 0)
        seconds = max(result.seconds, 1e-6)
        self.stdout.write(self.style.SUCCESS(
            f"Generated with seed {result.seed} in {result.seconds:.1f} s: {details}."))
        self.stdout.write(
            f"{participants / seconds:.0f} participants/s, {result.rows / seconds:.0f} rows/s "
            f"in {', '.join(result.interventions)}.")
