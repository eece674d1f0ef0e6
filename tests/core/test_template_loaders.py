"""The site's templates reach the browser without their indentation, and nothing a user sees or
a translation is keyed by changes with it."""

import re

import pytest

from core.template_loaders import dedent

HTTPS = {"secure": True}


def test_indentation_goes_but_the_line_breaks_between_words_stay():
    source = "<ul>\n    <li>{{ a }}</li>\n\t<li>b\n      c</li>\n</ul>\n"
    assert dedent(source) == "<ul>\n<li>{{ a }}</li>\n<li>b\nc</li>\n</ul>\n"


def test_preformatted_text_and_an_untrimmed_blocktranslate_keep_their_spaces():
    kept = "<pre>\n  indented\n    more</pre>\n<textarea name=t>\n  typed</textarea>\n{% blocktranslate %}\n  Hello {{ name }}\n  {% endblocktranslate %}"
    assert dedent("  <p>x</p>\n" + kept) == "<p>x</p>\n" + kept


def test_a_trimmed_blocktranslate_is_dedented_like_the_rest():
    assert dedent("  {% blocktranslate trimmed with a=b %}\n    Hi {{ a }}\n  {% endblocktranslate %}") == "{% blocktranslate trimmed with a=b %}\nHi {{ a }}\n{% endblocktranslate %}"


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/es"])
def test_the_role_page_has_no_indented_line(client, real_content, prefix):
    response = client.get(f"{prefix}/roles/medical-coder/", **HTTPS)
    html = response.content.decode()
    assert response.status_code == 200 and "<h1" in html
    assert not re.findall(r"\n[ \t]+\S", html)
