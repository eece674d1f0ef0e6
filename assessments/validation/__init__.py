"""The validation harness of the fit questionnaire (``make validate``; docs/validation.md).

Simulates answer sets from two populations (uniformly random answers, and a realistic model of
people with correlated interests, a yes-saying tendency and item noise), scores them with the
real item bank and role levels from ``fixtures/content``, and measures how the matches behave:
first-place and top-3 shares, the effective number of competing roles, retest stability, the
band distribution and a persona table. Pure Python apart from reading YAML; no Django.
"""
