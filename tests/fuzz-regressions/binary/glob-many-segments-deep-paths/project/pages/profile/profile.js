Page({ data: { title: 'profile' } })
