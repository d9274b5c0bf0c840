# __future__ at run time: feature objects with releases and compiler flags.
from __future__ import annotations
import __future__

print(__future__.all_feature_names)
for name in __future__.all_feature_names:
    f = getattr(__future__, name)
    print(name, f.getOptionalRelease(), f.getMandatoryRelease(), hex(f.compiler_flag))
print(repr(__future__.annotations))
print(annotations is __future__.annotations)
