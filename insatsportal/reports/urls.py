"""Every part of reports keeps its own pages; they share the `reports` namespace."""

from insatsportal.reports.dashboards import urls as dashboards
from insatsportal.reports.deviations import urls as deviations
from insatsportal.reports.goals import urls as goals
from insatsportal.reports.meetings import urls as meetings
from insatsportal.reports.national import urls as national
from insatsportal.reports.quarterly import urls as quarterly
from insatsportal.reports.requisitions import urls as requisitions

app_name = "reports"
urlpatterns = [
    *dashboards.urlpatterns, *goals.urlpatterns, *meetings.urlpatterns,
    *requisitions.urlpatterns, *deviations.urlpatterns, *quarterly.urlpatterns,
    *national.urlpatterns,
]
