"""The invented Selu family's key, shared by the tests of names the draft itself shows (family words, forms of
address): one family, so the tests of prefixes and of suffixes read the same people."""

KEY = """
people:
  - code: Child T
    role: "The child (aged 7)"
    names: [Tavita Selu, Tavita]
  - code: TM
    role: "Child T's mother"
    names: [Losa Selu, Losa, Ms Selu]
  - code: TU
    role: "Maternal uncle"
    names: [Iosefa Selu]
  - code: HV
    role: "Health visitor"
    names: [Gemma Rawle, Ms Rawle]
  - code: DR
    role: "Consultant paediatrician"
    names: [Owain Pryde, Dr Pryde]
  - code: SWT
    role: "Social worker"
    names: [Bethan Culley]
  - code: LA
    role: "Maternal aunt"
    names: [Mercy Selu, Mercy]
"""
