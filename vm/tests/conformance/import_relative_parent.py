from helper_pkg_rel.inner import up

print(up.RESULT)
print(up.__package__, up.__spec__.parent)
