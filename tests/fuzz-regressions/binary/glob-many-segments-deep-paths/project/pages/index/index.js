Page({ data: { title: 'index' } })
