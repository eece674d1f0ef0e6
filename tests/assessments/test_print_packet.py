import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from assessments.print_views import build_packets
from tests.assessments.factories import FLAT_PROFILE, ResultFactory, default_profile, match_rows
from tests.factories import (
    CertificationFactFactory,
    EducationPathFactory,
    RoleCertificationFactory,
    RoleFactory,
    SalaryBandFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

PRINT_CSS = Path(settings.BASE_DIR) / "static" / "css" / "print.css"


def packet_url(result):
    return reverse("assessments:result_print", args=[result.token])


def roles_with_routes(n):
    roles = []
    for i in range(n):
        role = RoleFactory(slug=f"role-{i}", name=f"Role number {i}")
        path = EducationPathFactory(duration={"text": "1 year", "status": "secondary", "year": "2024", "sources": [SourceFactory().key], "note": ""})
        path.roles.add(role)
        SalaryBandFactory(role=role, amount=40000 + i * 1000)
        rc = RoleCertificationFactory(role=role, kind="common")
        CertificationFactFactory(certification=rc.certification, kind="fee")
        roles.append(role)
    return roles


@pytest.fixture
def result():
    roles = roles_with_routes(5)
    return ResultFactory(matches=match_rows(roles), display_name="J.D.")


def test_the_packet_shows_the_profile_chart_and_holland_code(client, result):
    html = client.get(packet_url(result)).content.decode()
    assert '<strong class="holland-code">CIS</strong>' in html
    assert "J.D." not in html  # the shared link shows no name; only the class's counselor sees it
    chart = re.search(r'<figure class="profile-chart".*?</figure>', html, re.S).group(0)
    assert "Realistic 13, Investigative 63, Artistic 0, Social 38, Enterprising 25, Conventional 88" in chart
    assert chart.count('class="profile-bar ') == 6
    assert f'id="p{result.pk}-interests-chart"' in chart


def test_the_packet_lists_the_top_matches_with_their_reasons(client, result):
    html = client.get(packet_url(result)).content.decode()
    for i in range(5):
        assert f"Role number {i}" in html
    assert "96% fit · Strong fit" in html
    # A reason every top match gives is said once, for the profile, not on each card.
    assert html.count("You and all of your top matches lean toward organized, rule-based work (Conventional).") == 1
    assert "You and role number 0s both like tidy records." not in html
    assert "Why it may suit you" in html and "Getting started usually takes a few months." in html
    assert "Worth thinking about" in html and "Role number 0 work has little patient contact." in html
    assert "Entry salary" in html and "Time to a first job" in html
    assert "Not for me" not in html and "<form" not in html


def test_the_packet_holds_the_roadmaps_of_the_top_three_only(client, result):
    html = client.get(packet_url(result)).content.decode()
    titles = re.findall(r'<h2 class="roadmap-title h5" id="p\d+-role-\d-title">Roadmap: (Role number \d)</h2>', html)
    assert titles == ["Role number 0", "Role number 1", "Role number 2"]
    assert html.count('class="packet-roadmap roadmap-summary"') == 3
    assert html.count('id="sources-heading"') == 1  # one source list for the whole packet


def test_roles_marked_not_for_me_are_left_out_of_the_packet(client, result):
    result.hidden = ["role-0"]
    result.save()
    html = client.get(packet_url(result)).content.decode()
    titles = re.findall(r"Roadmap: (Role number \d)</h2>", html)
    assert titles == ["Role number 1", "Role number 2", "Role number 3"]
    assert "Role number 0" not in html


def test_a_flat_profile_is_explained_instead_of_a_holland_code(client):
    result = ResultFactory(profile=FLAT_PROFILE, matches=match_rows(roles_with_routes(1)))
    html = client.get(packet_url(result)).content.decode()
    assert "about even across all six areas" in html and "holland-code" not in html


def test_a_match_whose_role_was_removed_is_left_out(client):
    result = ResultFactory(matches=[{"role": "retired-role", "fit": 70, "band": "Good fit", "reasons": []}])
    response = client.get(packet_url(result))
    assert response.status_code == 200
    assert "No matches to show." in response.content.decode()


def test_an_unknown_token_has_no_packet(client):
    assert client.get(reverse("assessments:result_print", args=["not-a-real-token"])).status_code == 404


def test_the_packet_is_a_print_document_with_back_link_print_button_address_and_date(client, result):
    html = client.get(packet_url(result)).content.decode()
    assert '<body class="print-document">' in html
    assert '<link rel="stylesheet" href="/static/css/print.css">' in html  # for every medium
    actions = re.search(r'<div class="container py-3 no-print">.*?</div>', html, re.S).group(0)
    assert f'href="{result.get_absolute_url()}"' in actions and "data-print" in actions
    assert re.search(r"Printed from http\S+/print/ on \w+ \d+, \d{4}", html)
    assert 'style="' not in html


def test_the_print_stylesheet_breaks_pages_between_packets_and_before_the_next_steps():
    css = PRINT_CSS.read_text()
    print_block = css[css.index("@media print") :]
    assert re.search(r"\.packet \+ \.packet, \.class-summary \+ \.packet \{ break-before: page;", print_block)
    assert re.search(r"\.packet-summaries \{ break-before: page;", print_block)
    assert re.search(r"h1, h2, h3, h4, h5, h6, [^{]*\{ break-after: avoid-page;", print_block)
    assert ".profile-chart svg { width: 100%; height: auto; max-height:" in print_block  # charts fit
    assert re.search(r"@page \{[^}]*margin:", css)


@pytest.mark.parametrize("n_certs", [1, 5])
def test_a_packet_makes_the_same_queries_for_1_or_5_certifications_per_role(client, django_assert_num_queries, n_certs):
    roles = roles_with_routes(5)
    for role in roles[:3]:
        for _ in range(n_certs):
            RoleCertificationFactory(role=role)
    result = ResultFactory(matches=match_rows(roles))
    # the small row read on every view (Result.objects.page_state), then, rendering: the result,
    # its work samples, 2 for the cards, 10 for the roadmaps, sources, 6 for the next steps,
    # and the small row again (nothing changed while rendering: the packet may be kept)
    with django_assert_num_queries(23):
        assert client.get(packet_url(result)).status_code == 200


def test_packets_for_many_results_load_each_role_and_build_each_roadmap_once(django_assert_num_queries):
    roles = roles_with_routes(4)
    results = [ResultFactory(matches=match_rows(roles[i % 2 :])) for i in range(6)]
    with django_assert_num_queries(20):  # + 6 for the next steps, + 1 for attached work samples
        packets, sources = build_packets(results)
    assert len(packets) == 6
    assert packets[0].roadmaps[0]["roadmap"] is packets[2].roadmaps[0]["roadmap"]
    assert packets[0].roadmaps[0]["idp"] != packets[2].roadmaps[0]["idp"]
    assert sources


def test_the_real_packet_shows_real_roadmaps(client, real_content):
    result = ResultFactory(
        profile=default_profile(),
        matches=[{"role": s, "fit": 90 - i, "band": "Excellent fit", "reasons": []} for i, s in enumerate(["medical-coder", "cancer-registrar", "him-director", "medical-biller"])],
    )
    html = client.get(packet_url(result)).content.decode()
    assert re.findall(r"Roadmap: ([\w ]+)</h2>", html) == ["Medical coder", "Cancer registrar", "HIM director"]
    assert "$425 for one attempt or $499 for two" in html  # the CPC fee on the coder's roadmap
    assert "Medical biller" in html  # fourth match, no roadmap
    assert 'id="src-S84"' in html
