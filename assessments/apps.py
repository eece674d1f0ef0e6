from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Questionnaire and results"

    def ready(self):
        from assessments.selectors import RESULT_CHECK, current_page_version
        from core.page_cache import freshness_check

        # A result's stored pages are served only while its row still reads the same.
        freshness_check(RESULT_CHECK, current_page_version)
