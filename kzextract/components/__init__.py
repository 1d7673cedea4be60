"""kzextract's spaCy components: ``kk_lemmatizer`` and ``kk_gazetteer`` (features of the NER model).

Importing this package registers their factories with spaCy.
"""

from . import gazetteer, lemmatizer  # noqa: F401
