class Account:
    def __init__(self, owner):
        self.owner = owner


acct = Account("kim")
print(acct.owner)
print(acct.balance)
