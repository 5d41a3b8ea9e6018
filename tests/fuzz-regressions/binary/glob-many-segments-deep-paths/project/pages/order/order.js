Page({ data: { title: 'order' } })
